import { describe, expect, it } from 'vitest';
import { sessionsToRenew } from '../../../daemon/poll/auto-renew.js';
import type { Session } from '../../../src/domain/session.js';
import { makeSession, minutesFromT0, T0 } from '../../helpers/builders.js';

const now = T0;
const inMinutes = (m: number) => minutesFromT0(m);
const session = (overrides: Partial<Session>) => makeSession({ name: 'nb-main', expiresAt: inMinutes(30), ...overrides });

describe('sessionsToRenew', () => {
  const rules = [{ match: 'nb-', thresholdMinutes: 60 }];

  it('renews a running interactive session matching a rule within its threshold', () => {
    expect(sessionsToRenew([session({})], rules, now, new Map()).map((s) => s.id)).toEqual(['ab12cd34']);
  });

  it.each([
    ['outside the threshold', { expiresAt: inMinutes(61) }],
    ['a name that does not match', { name: 'desk' }],
    ['a headless job', { kind: 'headless' }],
    ['a Pending session', { status: 'Pending' }],
    ['no expiry known', { expiresAt: null }],
  ])('skips %s', (_label, overrides) => {
    expect(sessionsToRenew([session(overrides as Partial<Session>)], rules, now, new Map())).toEqual([]);
  });

  it('waits out a cool-down after renewing, so a stubborn expiry is not renewed every poll', () => {
    const renewed = new Map([['ab12cd34', now - 60_000]]);
    expect(sessionsToRenew([session({})], rules, now, renewed)).toEqual([]);
    expect(sessionsToRenew([session({})], rules, now + 10 * 60_000, renewed)).toHaveLength(1);
  });

  it('does nothing without rules', () => {
    expect(sessionsToRenew([session({})], [], now, new Map())).toEqual([]);
  });
});
