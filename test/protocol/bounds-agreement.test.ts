// Whatever the server sends, the parsed value passes every later check: websocket frames (welcome,
// patches, events, notifications), the state file and the history file.
import { describe, expect, it } from 'vitest';
import { encodeHistories } from '../../daemon/store/history-codec.js';
import { migrateState } from '../../daemon/store/migrate.js';
import { serialiseState } from '../../daemon/store/state-file-text.js';
import { notificationsFor, NOTIFICATION_KINDS } from '../../daemon/notify/rules.js';
import { eventFrame } from '../../daemon/runtime/event-frames.js';
import { parseEvents } from '../../src/client/parse-events.js';
import { parseList, parseSession } from '../../src/client/parse-session.js';
import { TEXT_LIMITS } from '../../src/domain/bounded-text.js';
import { AppError } from '../../src/domain/errors.js';
import { decode, encode, isFrameError, type Frame } from '../../src/protocol/codec.js';
import { errorCheck } from '../../src/protocol/error-check.js';
import { makePatch } from '../../src/protocol/make-patch.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import { makeWelcome } from '../../src/protocol/messages/welcome.js';
import { MAX_DAEMON_FRAME_BYTES } from '../../src/protocol/version.js';
import { deriveEvents } from '../../src/state/derive-events.js';
import { reduce } from '../../src/state/reduce.js';
import { initialState } from '../../src/state/state.js';

const T0 = Date.parse('2026-12-07T10:00:00Z');
const huge = (c: string) => c.repeat(100_000);

/** A session object with every text field far over its limit (and an id at the longest allowed). */
function hostileRaw(id: string, status: string, type = 'notebook'): Record<string, unknown> {
  return {
    id,
    name: huge('n'),
    image: huge('i'),
    type,
    status,
    userid: huge('u'),
    startTime: huge('1'),
    expiryTime: new Date(T0 + 5 * 60_000).toISOString(),
    connectURL: `https://x/${huge('p')}`,
    requestedCPUCores: '2',
    requestedRAM: '8',
    cpuCoresInUse: '1',
    ramInUse: '1',
    isFixedResources: true,
  };
}

function passes(frame: Frame): void {
  const text = encode(frame);
  expect(text.length).toBeLessThan(MAX_DAEMON_FRAME_BYTES);
  const decoded = decode(text, MAX_DAEMON_FRAME_BYTES);
  if (isFrameError(decoded)) throw decoded;
}

describe('bounds at parse agree with every later check', () => {
  it('a session of huge values is bounded once, and its state, patches, events, notifications and files all pass', () => {
    const longId = 'k'.repeat(64);
    let dropped = 0;
    const first = parseList(
      [hostileRaw(longId, 'Pending'), hostileRaw('k'.repeat(65), 'Running'), hostileRaw('..', 'Running')],
      parseSession,
      (n) => (dropped = n),
    )!;
    expect(dropped).toBe(2);
    const s = first[0];
    expect(s.name).toHaveLength(TEXT_LIMITS.name);
    expect(s.name.endsWith('…')).toBe(true);
    expect(s.image).toHaveLength(TEXT_LIMITS.image);
    expect(s.user).toHaveLength(TEXT_LIMITS.user);
    expect(s.url).toBeNull();
    expect(s.startedAt).toBeNull();
    const statuses = [huge('S'), 'Failed'];
    let state = reduce(initialState(), { type: 'poll.succeeded', sessions: first, at: T0 });
    passes(makeWelcome('0', state));
    const all = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true]));
    for (const [i, status] of statuses.entries()) {
      const sessions = parseList([hostileRaw(longId, status, i === 0 ? huge('T') : 'headless')], parseSession)!;
      const next = reduce(state, { type: 'poll.succeeded', sessions, at: T0 + (i + 1) * 1000 });
      const events = deriveEvents(state, next, { now: T0 + (i + 1) * 1000 });
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) passes(eventFrame(event));
      for (const n of notificationsFor(events, { kinds: all })) passes(makeEvent('notification', { ...n, at: T0 }));
      passes(makeEvent('state:patch', makePatch(state, next)!));
      state = next;
    }
    const gone = reduce(state, { type: 'poll.succeeded', sessions: [], at: T0 + 10_000 });
    for (const event of deriveEvents(state, gone, { now: T0 + 10_000 })) passes(eventFrame(event));
    passes(makeWelcome('0', state));
    const migrated = migrateState(JSON.parse(serialiseState(state)), T0);
    expect(migrated.ok).toBe(true);
    expect(encodeHistories({ usage: state.usage, statsHistory: state.statsHistory, accounts: state.accounts }).length).toBeGreaterThan(0);
  });

  it('error messages and event text are bounded before they cross a process boundary', () => {
    const error = new AppError('SKAHA_BAD_REQUEST', huge('e')).toJSON();
    expect(errorCheck(error, 'error')).toBeNull();
    expect(error.message).toHaveLength(TEXT_LIMITS.errorMessage);
    const table = [
      'TYPE REASON MESSAGE FIRST LAST',
      ...Array.from({ length: 3000 }, (_, i) => `Normal R${i} ${huge('m').slice(0, 10_000)} <none> <none>`),
    ].join('\n');
    const events = parseEvents(table);
    expect(events).toHaveLength(TEXT_LIMITS.events);
    expect(events[0].reason).toBe('R2000');
    expect(events[0].message).toHaveLength(TEXT_LIMITS.eventMessage);
  });
});
