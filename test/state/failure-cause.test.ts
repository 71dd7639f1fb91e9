import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/domain/platform.js';
import { clueFromEvents, failureOf, strongerClue, type FailureWitness } from '../../src/state/failure-cause.js';
import { iso, makeJob, makeSession, T0 } from './builders.js';

const ev = (reason: string, message: string, at: string | null = '2026-11-22T11:59:00Z'): SessionEvent => ({
  type: 'Warning',
  reason,
  message,
  firstTime: at,
  lastTime: at,
});
const none: FailureWitness = { before: null, recentRamGB: [], flexibleLimitGiB: null };

describe('failure causes', () => {
  it('reads a cause from events: out of memory, exit code, image pull, back-off, with the strongest winning', () => {
    expect(clueFromEvents([ev('OOMKilling', 'Memory cgroup out of memory: Killed process 42')], T0)).toMatchObject({ code: 'oom', cause: 'out of memory' });
    expect(clueFromEvents([ev('Failed', 'Error: container exited with code 137')], T0)).toMatchObject({ code: 'exit-code', cause: 'exited with code 137' });
    expect(clueFromEvents([ev('Failed', 'Error: ErrImagePull')], T0)).toMatchObject({ code: 'image-pull' });
    expect(clueFromEvents([ev('BackOff', 'Back-off restarting failed container c in pod p')], T0)).toMatchObject({ code: 'back-off' });
    expect(clueFromEvents([ev('BackOff', 'Back-off restarting failed container'), ev('OOMKilling', 'out of memory')], T0)?.code).toBe('oom');
    expect(clueFromEvents([ev('Scheduled', 'assigned'), ev('Pulled', 'done')], T0)).toBeNull();
    expect(strongerClue({ code: 'back-off', cause: 'b', detail: null, at: 1 }, { code: 'oom', cause: 'o', detail: null, at: 2 })?.code).toBe('oom');
  });

  it('an event that says why wins, and is not marked inferred', () => {
    const clue = { code: 'back-off' as const, cause: 'kept crashing (back-off restarting the container)', detail: null, at: T0 };
    expect(failureOf(makeJob({ status: 'Failed' }), clue, none, T0)).toMatchObject({ code: 'back-off', inferred: false });
  });

  it('memory at its limit just before failing: "likely out of memory", inferred', () => {
    const job = makeJob({ status: 'Failed', ramGB: { requested: 4.29, used: null } });
    const witness: FailureWitness = { before: makeJob({ ramGB: { requested: 4.29, used: 4.29 } }), recentRamGB: [3.9, 4.29, 4.29], flexibleLimitGiB: null };
    expect(failureOf(job, null, witness, T0)).toMatchObject({ code: 'oom', cause: 'likely out of memory', inferred: true });
    expect(failureOf(job, null, { ...witness, recentRamGB: [1.1, 1.2] }, T0)).toMatchObject({ code: 'unknown', cause: 'cause unknown' });
  });

  it('a flexible session is measured against the platform flexible limit (GiB)', () => {
    const job = makeJob({ status: 'Failed', ramGB: { requested: null, used: null }, fixed: false });
    expect(failureOf(job, null, { before: null, recentRamGB: [34], flexibleLimitGiB: 32 }, T0).code).toBe('oom');
    expect(failureOf(job, null, { before: null, recentRamGB: [34], flexibleLimitGiB: null }, T0).code).toBe('unknown');
  });

  it('an interactive session failed at its expiry expired; a headless job never "expires"', () => {
    expect(failureOf(makeSession({ status: 'Failed', expiresAt: iso(T0 - 5000) }), null, none, T0)).toMatchObject({
      code: 'expired',
      cause: 'expired',
      inferred: true,
    });
    expect(failureOf(makeJob({ status: 'Failed', expiresAt: iso(T0 - 5000) }), null, none, T0).code).toBe('unknown');
    expect(failureOf(makeSession({ status: 'Failed', expiresAt: iso(T0 + 3600_000) }), null, none, T0).code).toBe('unknown');
  });
});
