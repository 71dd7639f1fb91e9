import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_POLL_INTERVALS as I, nextPollDelay, type PollSituation } from '../../../daemon/poll/poll-interval.js';

const base: PollSituation = { sessions: [{ status: 'Running' }], clients: 1, now: 1_000_000, lastActionAt: null, failures: 0, authFailure: false };

describe('nextPollDelay', () => {
  it.each([
    ['normal while sessions run quietly', base, I.normalMs],
    ['fast while a session is Pending', { ...base, sessions: [{ status: 'Running' }, { status: 'Pending' }] }, I.fastMs],
    ['fast while a session has waited under 10 min', { ...base, sessions: [{ status: 'Pending', pendingSince: base.now - 599_000 }] }, I.fastMs],
    [
      'normal once the wait passed 10 min (a queued job, an image that cannot be pulled)',
      { ...base, sessions: [{ status: 'Pending', pendingSince: base.now - 600_000 }] },
      I.normalMs,
    ],
    [
      'fast again when another session starts waiting',
      {
        ...base,
        sessions: [
          { status: 'Pending', pendingSince: base.now - 3_600_000 },
          { status: 'Pending', pendingSince: base.now - 5_000 },
        ],
      },
      I.fastMs,
    ],
    ['fast while a session is Terminating', { ...base, sessions: [{ status: 'Terminating' }] }, I.fastMs],
    ['fast within 60 s of a user action', { ...base, lastActionAt: base.now - 59_000 }, I.fastMs],
    ['normal again 60 s after the action', { ...base, lastActionAt: base.now - 60_000 }, I.normalMs],
    ['slow with no sessions and no clients', { ...base, sessions: [], clients: 0 }, I.slowMs],
    ['normal with no sessions but a client attached', { ...base, sessions: [], clients: 1 }, I.normalMs],
    ['the whole cap after an auth failure', { ...base, failures: 1, authFailure: true }, I.backoffCapMs],
  ])('%s', (_name, situation, expected) => {
    expect(nextPollDelay(situation, I, () => 0.5)).toBe(expected);
  });

  it('backs off on failures even while sessions are Pending', () => {
    const delay = nextPollDelay({ ...base, sessions: [{ status: 'Pending' }], failures: 4 }, I, () => 1);
    expect(delay).toBe(16_000);
  });
});

describe('backoffDelay', () => {
  it('doubles per failure between half and all of the exponential step', () => {
    for (const [failures, step] of [
      [1, 2_000],
      [2, 4_000],
      [3, 8_000],
      [6, 64_000],
    ] as const) {
      expect(backoffDelay(failures, 2_000, 300_000, () => 0)).toBe(step / 2);
      expect(backoffDelay(failures, 2_000, 300_000, () => 0.999999)).toBeCloseTo(step, -1);
    }
  });

  it('never exceeds the cap, however many failures', () => {
    for (const failures of [9, 10, 50, 5_000]) {
      expect(backoffDelay(failures, 2_000, 300_000, () => 0.999999)).toBeLessThanOrEqual(300_000);
      expect(backoffDelay(failures, 2_000, 300_000, () => 0)).toBe(150_000);
    }
  });
});
