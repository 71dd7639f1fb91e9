import type { DaemonEvent } from '../../src/state/events.js';
import type { AnyEvent } from '../../src/protocol/messages/event.js';
import { makeEvent } from '../../src/protocol/messages/event.js';

/** The most event frames one change sends each client; the rest are counted in one `warning` frame. */
export const MAX_EVENT_FRAMES = 100;

/** The websocket frame of a daemon event: its type is the topic, the event itself the data. */
export function eventFrame(event: DaemonEvent): AnyEvent {
  return { type: 'event', topic: event.type, data: event } as AnyEvent;
}

/**
 * Pure: the frames that report one change's events, at most `max` + 1: every event that is not about
 * one session (platform, credentials, launches, replica summaries) and session events in order up to
 * `max`; beyond that one `warning` counts what was left out by type (the state patch has the sessions).
 */
export function eventFrames(events: readonly DaemonEvent[], max = MAX_EVENT_FRAMES): AnyEvent[] {
  if (events.length <= max) return events.map(eventFrame);
  const general = events.filter((e) => !('session' in e));
  let room = Math.max(0, max - general.length);
  const skipped = new Map<string, number>();
  const frames: AnyEvent[] = [];
  for (const event of events) {
    if (!('session' in event)) frames.push(eventFrame(event));
    else if (room > 0) {
      room--;
      frames.push(eventFrame(event));
    } else skipped.set(event.type, (skipped.get(event.type) ?? 0) + 1);
  }
  if (skipped.size === 0) return frames;
  const left = [...skipped].map(([type, n]) => `${n} ${type}`).join(', ');
  const total = [...skipped.values()].reduce((a, b) => a + b, 0);
  const message = `${events.length} events in one change; ${total} session events were not sent one by one (${left}): the session list has the result`;
  frames.push(makeEvent('warning', { code: 'EVENTS_COALESCED', message }) as AnyEvent);
  return frames;
}

/** Sleeps for `ms` on the real timer (only to bound waits at shutdown, never for behaviour). */
export function boundedWait<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
