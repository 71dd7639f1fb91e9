// Pure pieces behind the daemon-backed commands: watch lines, the stale warning, wait progress, the daemon's env, access errors.
import { describe, expect, it } from 'vitest';
import { daemonEnv, processDaemonAccess } from '../../src/cli/daemon-access.js';
import { staleWarning } from '../../src/cli/daemon-cache.js';
import { topicEvent } from '../../src/cli/daemon-events.js';
import { describeLatestEvent } from '../../src/cli/session-readers.js';
import { waitProgress } from '../../src/cli/session-wait.js';
import { eventText, watchLine } from '../../src/cli/views/event-lines.js';
import { DAEMON_EVENT_TYPES } from '../../src/state/events.js';
import { NOW, session } from './cli-harness.js';
import { daemonState } from './fake-daemon.js';

const s = session({ id: 'abcd1234', name: 'mynb' });
const base = { key: 'k', at: NOW };

describe('watch lines', () => {
  const samples = [
    topicEvent('session:added', { type: 'session:added', ...base, session: { ...s, status: 'Pending' } }),
    topicEvent('session:status-changed', { type: 'session:status-changed', ...base, session: s, from: null, to: 'Failed' }),
    topicEvent('session:preempted', { type: 'session:preempted', ...base, session: { ...s, kind: 'headless', name: 'sweep' }, since: NOW }),
    topicEvent('session:removed', { type: 'session:removed', ...base, session: s, reason: 'expired' }),
    topicEvent('session:expiring', { type: 'session:expiring', ...base, session: s, thresholdSec: 600, expiresAt: '2026-11-22T12:10:00Z' }),
    topicEvent('session:idle', {
      type: 'session:idle',
      ...base,
      session: { ...s, name: 'analysis' },
      since: NOW - 6 * 3_600_000,
      used: 0.02,
      requested: 8,
      threshold: 0.4,
    }),
    topicEvent('job:finished', {
      type: 'job:finished',
      ...base,
      session: { ...s, kind: 'headless', name: 'fit' },
      status: 'Failed',
      failure: { code: 'oom', cause: 'likely out of memory', inferred: true, detail: null },
    }),
    topicEvent('replicas:summary', { type: 'replicas:summary', ...base, base: 'fit', total: 4, completed: 4, failed: 0, ids: [] }),
    topicEvent('credentials:expiring', { type: 'credentials:expiring', ...base, kind: 'certificate', expiresAt: '2026-11-23T12:00:00Z', thresholdSec: 86_400 }),
    topicEvent('credentials:expired', { type: 'credentials:expired', ...base, kind: 'token', expiresAt: '2026-11-22T11:00:00Z' }),
    topicEvent('platform:down', { type: 'platform:down', ...base, since: NOW - 120_000, error: { code: 'NETWORK_ERROR', message: 'connection refused' } }),
    topicEvent('platform:recovered', { type: 'platform:recovered', ...base, downSince: NOW - 120_000 }),
    topicEvent('storage:high', { type: 'storage:high', ...base, usedBytes: 91 * 2 ** 30, quotaBytes: 100 * 2 ** 30, percent: 91 }),
    topicEvent('launch:failed', {
      type: 'launch:failed',
      ...base,
      launchId: 'l',
      name: 'fit',
      failed: 1,
      total: 3,
      error: { code: 'SKAHA_SERVER_ERROR', message: '500' },
    }),
  ];
  it('has one line for every daemon event type', () => {
    expect(samples.map((e) => e.topic)).toEqual([...DAEMON_EVENT_TYPES]);
    expect(samples.map((e) => eventText(e))).toEqual([
      "session 'mynb' (abcd1234) added: notebook, Pending",
      "session 'mynb' (abcd1234): new → Failed",
      "job 'sweep' (abcd1234) preempted — queued again (Kueue)",
      "session 'mynb' (abcd1234) removed (expired)",
      "session 'mynb' (abcd1234) expires in 10m (2026-11-22 12:10:00 UTC)",
      "session 'analysis' (abcd1234) idle for 6h: 0.02 cores in use, under 0.4",
      "job 'fit' (abcd1234) finished: Failed — likely out of memory (inferred)",
      'fit: 4/4 jobs completed',
      'your certificate expires in 1d (2026-11-23 12:00:00 UTC): renew it with `cadc-get-cert -u <user>` or `canfar login`; the daemon picks up the new file by itself',
      'your token expired (2026-11-22 11:00:00 UTC): get a new token (e.g. `canfar login`); a token given by flag, environment or config file is not refreshed',
      'platform down since 2026-11-22 11:58:00 UTC: connection refused',
      'platform recovered (down since 2026-11-22 11:58:00 UTC)',
      'home storage 91% full: 91 of 100 GiB',
      "launch of 'fit' failed (1/3 replicas): 500",
    ]);
  });
  it('--json gives every time as ISO-8601 UTC, as the rest of --json does', () => {
    for (const event of samples) {
      const line = JSON.parse(watchLine(event, true, NOW)!) as { topic: string; data: Record<string, unknown> };
      expect(line.topic).toBe(event.topic);
      expect(line.data.at).toBe(new Date(NOW).toISOString().replace('.000Z', 'Z'));
      const raw = event.data as unknown as Record<string, unknown>;
      for (const key of ['since', 'downSince']) {
        if (typeof raw[key] === 'number') expect(line.data[key]).toBe(new Date(raw[key]).toISOString().replace('.000Z', 'Z'));
      }
      const text = JSON.stringify(line);
      expect(text).not.toMatch(/":\s*1\d{12}\b/);
    }
  });
  it('says the time really left when an expiry warning comes late', () => {
    const late = topicEvent('session:expiring', {
      type: 'session:expiring',
      ...base,
      session: s,
      thresholdSec: 600,
      expiresAt: new Date(NOW + 53_000).toISOString(),
    });
    expect(eventText(late)).toMatch(/^session 'mynb' \(abcd1234\) expires in 53s \(/);
  });
  it('prints nothing for state, log, health and notification topics', () => {
    expect(watchLine(topicEvent('state:patch', {}), false, NOW)).toBeNull();
    expect(watchLine(topicEvent('logs:append', { sessionId: 'a', lines: ['x'] }), true, NOW)).toBeNull();
    expect(watchLine(topicEvent('notification', { key: 'k', title: 't', body: 'b', urgency: 'low', at: NOW }), true, NOW)).toBeNull();
  });
});

describe('staleWarning', () => {
  it('is null for a fresh cache and names the reason otherwise', () => {
    expect(staleWarning(daemonState(), NOW)).toBeNull();
    const stale = daemonState([], { lastPollAt: NOW - 90_000 });
    stale.health = { ...stale.health, stale: true };
    expect(staleWarning(stale, NOW)).toBe("showing the daemon's cached data from 1m ago (not refreshed yet)");
    stale.health = { ...stale.health, state: 'down', stale: false };
    expect(staleWarning(stale, NOW)).toBe("showing the daemon's cached data from 1m ago (the platform is down)");
  });
});

describe('waiting', () => {
  it('describes one session with its latest event, several as a tally; the key leaves out the elapsed time', () => {
    const one = waitProgress(['abcd1234'], new Map([['abcd1234', { ...s, status: 'Pending' }]]), 12_000, 'Pulling: image');
    expect(one).toEqual({ text: 'mynb (abcd1234): Pending, 12s — Pulling: image', key: 'mynb (abcd1234): Pending,  — Pulling: image' });
    const many = waitProgress(
      ['a', 'b', 'c'],
      new Map([
        ['a', { ...s, status: 'Running' }],
        ['b', { ...s, status: 'Running' }],
      ]),
      65_000,
      null,
    );
    expect(many.text).toBe('3 sessions: 2 Running, 1 not listed yet (1m)');
  });
  it('picks the newest Kubernetes event', () => {
    const ev = (reason: string, lastTime: string) => ({ type: 'Normal', reason, message: `${reason} happened\nmore`, firstTime: null, lastTime });
    expect(describeLatestEvent([ev('Pulled', '2026-11-22T12:00:05Z'), ev('Scheduled', '2026-11-22T12:00:01Z')])).toBe('Pulled: Pulled happened');
    expect(describeLatestEvent([])).toBeNull();
  });
});

describe('daemon access', () => {
  it('passes the connection flags to a started daemon as environment variables', () => {
    expect(daemonEnv({ HOME: '/h', SKAHA_TOKEN: 'env-token' }, { url: 'https://u', cert: '/c.pem' })).toEqual({
      HOME: '/h',
      SKAHA_URL: 'https://u',
      SKAHA_CERT: '/c.pem',
    });
    expect(daemonEnv({}, { token: 'flag-token' })).toEqual({ SKAHA_TOKEN: 'flag-token' });
  });
  it('reports DAEMON_UNAVAILABLE at once when there is no socket, or when the socket path is too long to listen on', async () => {
    const none = processDaemonAccess({ SKAHA_TUI_HOME: '/nonexistent/skaha-tui-test' }, {}, 'test');
    await expect(none.connect()).rejects.toMatchObject({ code: 'DAEMON_UNAVAILABLE', message: expect.stringContaining('no skaha-tui daemon is running') });
    const long = processDaemonAccess({ SKAHA_TUI_HOME: `/tmp/${'x'.repeat(120)}` }, {}, 'test');
    await expect(long.connect()).rejects.toMatchObject({ code: 'DAEMON_UNAVAILABLE', message: expect.stringContaining('over the 104-byte limit') });
  });
});
