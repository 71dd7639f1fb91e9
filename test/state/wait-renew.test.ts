import { describe, expect, it } from 'vitest';
import { appendWait, estimateWait, waitRecord } from '../../src/state/wait-estimate.js';
import { checkRenew, failedRenew, lifetimeEstimate, DEFAULT_LIFETIME_MS } from '../../src/state/renew-check.js';
import { MAX_WAITS, type WaitRecord } from '../../src/state/insight.js';
import { formatDuration } from '../../src/cli/format.js';
import { iso, makeJob, makeSession, T0 } from './builders.js';

const MIN = 60_000;
const wait = (kind: string, minutes: number, cores: number | null = 2, ramGB: number | null = 8.59): WaitRecord => ({
  kind,
  cores,
  ramGB,
  waitedMs: minutes * MIN,
  at: T0,
});

describe('wait estimate', () => {
  const job = makeJob({ status: 'Pending', cpu: { requested: 2, used: null }, ramGB: { requested: 8.59, used: null } });

  it('no estimate with fewer than 3 similar past waits', () => {
    expect(estimateWait([wait('headless', 10), wait('headless', 20), wait('notebook', 5)], job, 0)).toEqual({ kind: 'none', basis: 2 });
  });

  it('the median of the similar waits that lasted longer than this one so far, minus what it waited', () => {
    const waits = [wait('headless', 10), wait('headless', 20), wait('headless', 30), wait('headless', 600, 64, 500)];
    expect(estimateWait(waits, job, 0)).toEqual({ kind: 'estimate', remainingMs: 20 * MIN, basis: 3 });
    expect(estimateWait(waits, job, 15 * MIN)).toEqual({ kind: 'estimate', remainingMs: 10 * MIN, basis: 3 });
    expect(estimateWait(waits, job, 45 * MIN)).toEqual({ kind: 'longer', longestMs: 30 * MIN, basis: 3 });
  });

  it('the history stays bounded, oldest dropped', () => {
    let waits: WaitRecord[] = [];
    for (let i = 0; i < MAX_WAITS + 5; i++) waits = appendWait(waits, waitRecord(job, i, T0 + i));
    expect(waits).toHaveLength(MAX_WAITS);
    expect(waits[0].waitedMs).toBe(5);
  });
});

describe('renew check', () => {
  const fmt = formatDuration;
  const nb = makeSession({ startedAt: iso(T0 - 3 * 86_400_000), expiresAt: iso(T0 + 3600_000) });

  it('renewed when the expiry moved later', () => {
    const after = { ...nb, expiresAt: iso(T0 + 4 * 86_400_000) };
    expect(checkRenew(nb, after, T0, DEFAULT_LIFETIME_MS, fmt)).toEqual({ outcome: 'renewed', at: T0, expiresAt: after.expiresAt, why: null });
  });

  it('unchanged: the server did not renew it, unless it is headless or has more time left than the lifetime', () => {
    expect(checkRenew(nb, nb, T0, DEFAULT_LIFETIME_MS, fmt)).toMatchObject({
      outcome: 'not-renewed',
      why: 'the server did not renew it (its expiry did not move)',
    });
    const job = makeJob({ expiresAt: iso(T0 + 13 * 86_400_000) });
    expect(checkRenew(job, job, T0, DEFAULT_LIFETIME_MS, fmt)).toMatchObject({
      outcome: 'not-needed',
      why: 'a headless job needs none (it runs until it finishes, up to 14 days)',
    });
    const long = makeSession({ expiresAt: iso(T0 + 6 * 86_400_000) });
    expect(checkRenew(long, long, T0, DEFAULT_LIFETIME_MS, fmt)).toMatchObject({
      outcome: 'not-needed',
      why: 'not needed yet (it has 6d left; a renew gives 4d)',
    });
    expect(checkRenew(nb, null, T0, DEFAULT_LIFETIME_MS, fmt)).toMatchObject({ outcome: 'not-renewed', why: 'the session is gone' });
    expect(failedRenew('unexpected exception: x', nb, T0)).toEqual({ outcome: 'failed', at: T0, expiresAt: nb.expiresAt, why: 'unexpected exception: x' });
  });

  it('the lifetime is the shortest start-to-expiry span of the interactive sessions, at most 4 days', () => {
    expect(lifetimeEstimate([])).toBe(DEFAULT_LIFETIME_MS);
    const fast = makeSession({ startedAt: iso(T0), expiresAt: iso(T0 + 3 * 3600_000) });
    expect(lifetimeEstimate([fast, makeJob({ startedAt: iso(T0), expiresAt: iso(T0 + 3600_000) }), nb])).toBe(3 * 3600_000);
  });
});
