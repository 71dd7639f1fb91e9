import { describe, expect, it } from 'vitest';
import { credentialEvents } from '../../src/state/credential-events.js';
import { healthEvents, launchEvents } from '../../src/state/platform-events.js';
import { newEvents } from '../../src/state/events.js';
import { initialState, type Health, type LaunchRecord } from '../../src/state/state.js';
import { sanitiseLaunchRequest, isSecretEnvName } from '../../src/state/launches.js';
import { iso, T0 } from './builders.js';

const DAY = 86400_000;

describe('credentialEvents', () => {
  const cert = (ms: number) => ({ kind: 'certificate' as const, source: 'default', expiresAt: iso(T0 + ms), path: '/home/u/.ssl/cadcproxy.pem' });

  it.each([
    [4 * DAY, null],
    [3 * DAY, 259200],
    [2 * DAY, 259200],
    [DAY - 1, 86400],
    [3600_000, 3600],
    [60_000, 3600],
  ])('at %i ms before expiry fires the tightest crossed threshold (%s)', (left, threshold) => {
    const events = credentialEvents(cert(left), T0);
    if (threshold === null) expect(events).toEqual([]);
    else
      expect(events).toEqual([
        {
          type: 'credentials:expiring',
          key: `credentials:certificate:${iso(T0 + left)}:${threshold}`,
          at: T0,
          kind: 'certificate',
          expiresAt: iso(T0 + left),
          thresholdSec: threshold,
        },
      ]);
  });

  it('reports an expired credential', () => {
    expect(credentialEvents(cert(-1000), T0)).toMatchObject([{ type: 'credentials:expired', key: `credentials:certificate:${iso(T0 - 1000)}:expired` }]);
  });

  it('reports nothing without a credential or an expiry, and honours custom thresholds', () => {
    expect(credentialEvents(null, T0)).toEqual([]);
    expect(credentialEvents({ kind: 'token', source: 'env', expiresAt: null }, T0)).toEqual([]);
    expect(credentialEvents({ kind: 'none', source: 'default', expiresAt: iso(T0) }, T0)).toEqual([]);
    expect(credentialEvents(cert(2 * DAY), T0, [600])).toEqual([]);
  });
});

describe('healthEvents', () => {
  const h = (state: Health['state'], failingSince: number | null = null): Health => ({ ...initialState().health, state, failingSince });

  it('reports down once, keyed by the failure run, and recovered after it', () => {
    expect(healthEvents(h('degraded', T0), h('down', T0), T0 + 120_000)).toEqual([
      { type: 'platform:down', key: `down:${T0}`, at: T0 + 120_000, since: T0, error: null },
    ]);
    expect(healthEvents(h('down', T0), h('down', T0), T0 + 200_000)).toEqual([]);
    expect(healthEvents(h('down', T0), h('ok'), T0 + 300_000)).toEqual([
      { type: 'platform:recovered', key: `recovered:${T0}`, at: T0 + 300_000, downSince: T0 },
    ]);
    expect(healthEvents(h('ok'), h('degraded', T0), T0)).toEqual([]);
  });
});

describe('launchEvents', () => {
  const rec = (over: Partial<LaunchRecord>): LaunchRecord => ({
    id: 'L1',
    request: { name: 'job', image: 'i', kind: 'headless', replicas: 3, registryAuthUsed: false },
    at: T0,
    results: null,
    error: null,
    ...over,
  });
  const e = { code: 'SKAHA_BAD_REQUEST' as const, message: 'quota exceeded' };

  it('reports a launch whose replicas partly failed, once', () => {
    const done = rec({
      results: [
        { name: 'job-1', id: 'a' },
        { name: 'job-2', error: e },
        { name: 'job-3', error: e },
      ],
    });
    expect(launchEvents([rec({})], [done], T0)).toEqual([
      { type: 'launch:failed', key: 'launch:L1', at: T0, launchId: 'L1', name: 'job', failed: 2, total: 3, error: e },
    ]);
    expect(launchEvents([done], [done], T0)).toEqual([]);
  });

  it('reports a launch that failed as a whole, and not a fully successful one', () => {
    expect(launchEvents([rec({})], [rec({ error: e })], T0)).toMatchObject([{ failed: 3, total: 3 }]);
    expect(launchEvents([rec({})], [rec({ results: [{ name: 'job-1', id: 'a' }] })], T0)).toEqual([]);
  });
});

describe('newEvents', () => {
  it('drops already emitted keys and duplicates within a batch', () => {
    const ev = (key: string) => ({ key });
    expect(newEvents([ev('a'), ev('b'), ev('b'), ev('c')], { a: 1 })).toEqual([ev('b'), ev('c')]);
  });
});

describe('sanitiseLaunchRequest', () => {
  it('strips the registry secret, keeps a flag and the username, redacts secret-looking env values', () => {
    const out = sanitiseLaunchRequest({
      name: 'j',
      image: 'i',
      kind: 'headless',
      env: ['MODE=fast', 'API_TOKEN=abc123', 'DB_PASSWORD=p=w', 'PLAIN'],
      registryAuth: { username: 'bob', secret: 'hunter2' },
    });
    expect(out).toEqual({
      name: 'j',
      image: 'i',
      kind: 'headless',
      env: ['MODE=fast', 'API_TOKEN=<redacted>', 'DB_PASSWORD=<redacted>', 'PLAIN'],
      envRedacted: true,
      registryAuthUsed: true,
      registryUsername: 'bob',
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter2|abc123/);
    expect(sanitiseLaunchRequest(out)).toEqual(out);
  });

  it('marks a launch without registry auth', () => {
    expect(sanitiseLaunchRequest({ name: 'n', image: 'i', kind: 'notebook' })).toEqual({ name: 'n', image: 'i', kind: 'notebook', registryAuthUsed: false });
    expect(isSecretEnvName('HOME')).toBe(false);
  });

  it('treats PASS, SECRET, TOKEN, KEY, CREDENTIAL and AUTH anywhere in a name, in any case, as secret', () => {
    for (const name of [
      'DB_PASS',
      'db_pass',
      'PASSPHRASE',
      'MY_SECRET_X',
      'gh_token',
      'SSH_KEY',
      'apikey',
      'AWS_CREDENTIALS',
      'X_AUTH',
      'oauth2',
      'MyKeyFile',
    ]) {
      expect(isSecretEnvName(name), name).toBe(true);
    }
    for (const name of ['HOME', 'MODE', 'THREADS', 'DATA_DIR', 'PATH']) expect(isSecretEnvName(name), name).toBe(false);
    const out = sanitiseLaunchRequest({ name: 'j', image: 'i', kind: 'headless', env: ['DB_PASS=hunter2', 'db_Key=k9'] });
    expect(out.env).toEqual(['DB_PASS=<redacted>', 'db_Key=<redacted>']);
  });
});
