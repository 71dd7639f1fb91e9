import { describe, expect, it } from 'vitest';
import { formatDuration, notificationKind, notificationsFor, NOTIFICATION_KINDS } from '../../../daemon/notify/rules.js';
import type { DaemonEvent } from '../../../src/state/events.js';
import { iso, makeJob, makeSession, T0 } from '../../state/builders.js';

const nb = makeSession({ id: 'nb1', name: 'lab' });
const job = makeJob({ id: 'j1', name: 'fit' });
const err = { code: 'NETWORK_ERROR' as const, message: 'GET https://x/session: connection refused' };

const cases: { event: DaemonEvent; kind: string | null; title?: RegExp; urgency?: string; url?: string }[] = [
  {
    event: { type: 'session:status-changed', key: 'status:nb1:Running', at: T0, session: nb, from: 'Pending', to: 'Running' },
    kind: 'ready',
    title: /^Session lab is ready$/,
    urgency: 'normal',
    url: nb.url!,
  },
  { event: { type: 'session:status-changed', key: 'status:j1:Running', at: T0, session: job, from: 'Pending', to: 'Running' }, kind: null },
  {
    event: { type: 'session:status-changed', key: 'k', at: T0, session: makeSession({ expiresAt: iso(T0) }), from: 'Running', to: 'Failed' },
    kind: 'expired',
    title: /expired/,
  },
  { event: { type: 'session:status-changed', key: 'k', at: T0, session: nb, from: 'Running', to: 'Failed' }, kind: 'ended', title: /ended \(Failed\)/ },
  { event: { type: 'session:status-changed', key: 'k', at: T0, session: nb, from: 'Running', to: 'Terminating' }, kind: null },
  {
    event: { type: 'job:finished', key: 'job:j1:Completed', at: T0, session: job, status: 'Completed' },
    kind: 'job-finished',
    title: /^Job fit completed$/,
    urgency: 'normal',
  },
  {
    event: { type: 'job:finished', key: 'job:j1:Failed', at: T0, session: job, status: 'Failed' },
    kind: 'job-finished',
    title: /^Job fit failed$/,
    urgency: 'critical',
  },
  {
    event: { type: 'replicas:summary', key: 'replicas:L1', at: T0, base: 'fit', total: 12, completed: 12, failed: 0, ids: [] },
    kind: 'job-finished',
    title: /^fit: 12\/12 jobs completed$/,
  },
  {
    event: { type: 'replicas:summary', key: 'replicas:L1', at: T0, base: 'fit', total: 12, completed: 10, failed: 2, ids: [] },
    kind: 'job-finished',
    title: /10\/12 jobs completed, 2 failed/,
    urgency: 'critical',
  },
  { event: { type: 'session:removed', key: 'removed:nb1', at: T0, session: nb, reason: 'expired' }, kind: 'expired' },
  { event: { type: 'session:removed', key: 'removed:nb1', at: T0, session: nb, reason: 'vanished' }, kind: 'vanished', urgency: 'critical' },
  { event: { type: 'session:removed', key: 'removed:nb1', at: T0, session: nb, reason: 'deleted' }, kind: 'deleted' },
  { event: { type: 'session:removed', key: 'removed:nb1', at: T0, session: nb, reason: 'cleaned-up' }, kind: null },
  {
    event: { type: 'session:expiring', key: 'e', at: T0, session: nb, thresholdSec: 600, expiresAt: iso(T0 + 600_000) },
    kind: 'expiring',
    title: /expires in 10 min/,
    urgency: 'critical',
    url: nb.url!,
  },
  {
    event: { type: 'session:expiring', key: 'e', at: T0, session: nb, thresholdSec: 3600, expiresAt: iso(T0 + 3600_000) },
    kind: 'expiring',
    title: /expires in 1 h/,
    urgency: 'normal',
    url: nb.url!,
  },
  {
    event: { type: 'credentials:expiring', key: 'c', at: T0, kind: 'certificate', expiresAt: iso(T0 + 259_200_000), thresholdSec: 259200 },
    kind: 'credentials',
    title: /certificate expires in 3 days/,
  },
  {
    event: { type: 'credentials:expired', key: 'c', at: T0, kind: 'token', expiresAt: iso(T0) },
    kind: 'credentials',
    title: /token has expired/,
    urgency: 'critical',
  },
  { event: { type: 'platform:down', key: 'd', at: T0, since: T0, error: err }, kind: 'platform', title: /unreachable/, urgency: 'critical' },
  {
    event: { type: 'platform:down', key: 'd', at: T0, since: T0, error: { code: 'SKAHA_UNAUTHORIZED', message: '401' } },
    kind: 'platform',
    title: /refuses your credentials/,
  },
  { event: { type: 'platform:recovered', key: 'r', at: T0, downSince: T0 - 1 }, kind: 'platform', urgency: 'low' },
  {
    event: { type: 'launch:failed', key: 'launch:L1', at: T0, launchId: 'L1', name: 'fit', failed: 2, total: 3, error: err },
    kind: 'launch-failed',
    title: /Launch of fit failed/,
  },
  { event: { type: 'session:added', key: 'added:nb1', at: T0, session: nb }, kind: 'added' },
];

describe('notification rules', () => {
  it.each(cases)('$event.type → $kind', ({ event, kind, title, urgency, url }) => {
    expect(notificationKind(event)).toBe(kind);
    const all = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true]));
    const [n] = notificationsFor([event], { kinds: all });
    if (kind === null) return expect(n).toBeUndefined();
    expect(n.key).toBe(event.key);
    if (title) expect(n.title).toMatch(title);
    if (urgency) expect(n.urgency).toBe(urgency);
    expect(n.url).toBe(url);
  });

  it('applies the default rules: added and deleted are off, the rest on', () => {
    for (const { event, kind } of cases) {
      const shown = notificationsFor([event]).length === 1;
      expect(shown, `${event.type} (${kind})`).toBe(kind !== null && kind !== 'added' && kind !== 'deleted');
    }
  });

  it('honours per-kind switches and the quiet switch', () => {
    const events = cases.map((c) => c.event);
    expect(notificationsFor(events, { kinds: { ready: false } }).some((n) => n.title.includes('is ready'))).toBe(false);
    expect(notificationsFor(events, { kinds: { added: true } }).some((n) => n.title.includes('launched'))).toBe(true);
    expect(notificationsFor(events, { quiet: true })).toEqual([]);
  });

  it('says how to renew: a certificate with cadc-get-cert or canfar login (picked up by itself), a fixed token by getting a new one', () => {
    const cert = notificationsFor([
      { type: 'credentials:expiring', key: 'c', at: T0, kind: 'certificate', expiresAt: iso(T0 + 3600_000), thresholdSec: 3600 },
    ])[0];
    expect(cert.body).toContain('renew it with `cadc-get-cert -u <user>` or `canfar login`');
    expect(cert.body).toContain('picks up the new file by itself');
    const expired = notificationsFor([{ type: 'credentials:expired', key: 'x', at: T0, kind: 'certificate', expiresAt: iso(T0) }])[0];
    expect(expired.body).toContain('`cadc-get-cert -u <user>`');
    const token = notificationsFor([{ type: 'credentials:expired', key: 't', at: T0, kind: 'token', expiresAt: iso(T0) }])[0];
    expect(token.body).toMatch(/get a new token \(e\.g\. `canfar login`\); a token given by flag, environment or config file is not refreshed/);
  });

  it('says the time really left, and names the threshold that fired as the warning it is', () => {
    const [n] = notificationsFor([{ type: 'session:expiring', key: 'e', at: T0, session: nb, thresholdSec: 600, expiresAt: iso(T0 + 53_000) }]);
    expect(n.title).toBe('Session lab expires in 53 s');
    expect(n.body).toContain('(the 10 min warning)');
    const [c] = notificationsFor([{ type: 'credentials:expiring', key: 'c', at: T0, kind: 'token', expiresAt: iso(T0 + 40 * 60_000), thresholdSec: 3600 }]);
    expect(c.title).toBe('Your token expires in 40 min');
    expect(c.body).toContain('(the 1 h warning)');
  });

  it('formats durations', () => {
    expect([45, 600, 3600, 86400, 259200].map(formatDuration)).toEqual(['45 s', '10 min', '1 h', '1 day', '3 days']);
  });
});
