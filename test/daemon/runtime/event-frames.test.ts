import { describe, expect, it } from 'vitest';
import { eventFrames, MAX_EVENT_FRAMES } from '../../../daemon/runtime/event-frames.js';
import type { DaemonEvent } from '../../../src/state/events.js';
import { makeSession, T0 } from '../../state/builders.js';

const removed = (i: number): DaemonEvent => ({
  type: 'session:removed',
  key: `removed:s${i}`,
  at: T0,
  session: makeSession({ id: `s${i}` }),
  reason: 'vanished',
});
const added = (i: number): DaemonEvent => ({ type: 'session:added', key: `added:s${i}`, at: T0, session: makeSession({ id: `s${i}` }) });

describe('eventFrames', () => {
  it('sends every event of an ordinary change', () => {
    const events = Array.from({ length: MAX_EVENT_FRAMES }, (_, i) => removed(i));
    expect(eventFrames(events).map((f) => f.topic)).toEqual(events.map((e) => e.type));
  });

  it('bounds a flood: events that are not about one session always, session events up to the limit, then one warning that counts the rest by type', () => {
    const down: DaemonEvent = { type: 'platform:recovered', key: 'recovered:1', at: T0, downSince: 1 };
    const events = [...Array.from({ length: 5000 }, (_, i) => added(i)), down, ...Array.from({ length: 4997 }, (_, i) => removed(i))];
    const frames = eventFrames(events);
    expect(frames).toHaveLength(MAX_EVENT_FRAMES + 1);
    expect(frames.filter((f) => f.topic === 'platform:recovered')).toHaveLength(1);
    expect(frames.filter((f) => f.topic === 'session:added')).toHaveLength(MAX_EVENT_FRAMES - 1);
    expect(frames.at(-1)).toEqual({
      type: 'event',
      topic: 'warning',
      data: {
        code: 'EVENTS_COALESCED',
        message:
          '9998 events in one change; 9898 session events were not sent one by one (4901 session:added, 4997 session:removed): the session list has the result',
      },
    });
  });
});
