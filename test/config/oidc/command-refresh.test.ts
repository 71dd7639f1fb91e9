import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { refreshGrant } from '../../../src/client/refresh-grant.js';
import { openCommandLogin } from '../../../src/config/oidc/command-refresh.js';
import { refreshingApi } from '../../../src/client/refreshing-api.js';
import { SkahaClient } from '../../../src/client/skaha-client.js';
import { resolveConnection } from '../../../src/config/resolve-connection.js';
import { AppError } from '../../../src/domain/errors.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { rejectionOf } from '../../helpers/rejection.js';

let sim: RunningSimulator | undefined;
let dir = '';
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A simulator (5-minute access tokens, fake time) and a home whose canfar config holds a fresh login of it. */
async function setup(): Promise<{ clock: FakeClock; file: string; tokens: () => { access: string; refresh: string } }> {
  const clock = new FakeClock();
  sim = await startSimulator({ seed: 5, clock, oidc: { accessLifetimeSec: 300 } });
  dir = mkdtempSync(join(tmpdir(), 'cr-'));
  mkdirSync(join(dir, '.canfar'));
  const file = join(dir, '.canfar', 'config.yaml');
  writeFileSync(file, await sim.oidc.canfarConfig());
  chmodSync(file, 0o600);
  const tokens = () =>
    (parse(readFileSync(file, 'utf8')) as { authentication: { simnet: { token: { access: string; refresh: string } } } }).authentication.simnet.token;
  return { clock, file, tokens };
}

const lenient = (clock: FakeClock) => resolveConnection({}, { env: { HOME: dir }, homeDir: dir, paths: undefined, lenient: true, clock });
const status = async (token: string) => (await fetch(`${sim!.apiUrl}/session`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('openCommandLogin: a command without the daemon keeps the canfar login alive itself', () => {
  it('leaves a token before its refresh point alone: no grant, nothing written', async () => {
    const { clock, file } = await setup();
    const before = readFileSync(file, 'utf8');
    clock.advance(200_000);
    expect((await openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: refreshGrant }))?.start).toBe('as-is');
    expect(sim!.oidc.tokenRequests()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refreshes an expired access token once, writes the rotation back, and hands back a connection Skaha accepts', async () => {
    const { clock, tokens } = await setup();
    const old = tokens();
    clock.advance(301_000);
    expect(await status(old.access)).toBe(401);
    const fresh = await openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: refreshGrant });
    expect(fresh?.start).toBe('refreshed');
    expect(sim!.oidc.grants()).toBe(1);
    const written = tokens();
    expect(written.access).not.toBe(old.access);
    expect(written.refresh).not.toBe(old.refresh);
    expect(fresh!.connection.credential.token).toBe(written.access);
    expect(fresh!.connection.credential.expiresAt).toBe(new Date(clock.now() + 300_000).toISOString());
    // The token stays out of anything that serialises the connection.
    expect(JSON.stringify(fresh!.connection)).not.toContain(written.access);
    expect(await status(written.access)).toBe(200);
  });

  it('refreshes at 80 % of the lifetime, like the daemon, and keeps the old token when that early refresh fails', async () => {
    const { clock, tokens } = await setup();
    const old = tokens();
    clock.advance(250_000);
    const failing = async () => Promise.reject(new AppError('TOKEN_REFRESH_FAILED', 'the identity provider did not answer'));
    const kept = await openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: failing });
    expect(kept?.start).toBe('as-is');
    expect(kept?.connection.credential.token).toBe(old.access);
    expect(tokens()).toEqual(old);
    const fresh = await openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: refreshGrant });
    expect(fresh?.start).toBe('refreshed');
  });

  it('says why when an expired token cannot be refreshed: the provider down, or the login over', async () => {
    const { clock } = await setup();
    clock.advance(301_000);
    const failing = async () => Promise.reject(new AppError('TOKEN_REFRESH_FAILED', 'the identity provider did not answer'));
    expect(await rejectionOf(openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: failing }))).toMatchObject({
      code: 'TOKEN_REFRESH_FAILED',
    });
    sim!.oidc.revokeAll();
    expect(await rejectionOf(openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: refreshGrant }))).toMatchObject({
      code: 'LOGIN_EXPIRED',
      message: expect.stringContaining('canfar login'),
    });
  });

  it('takes newer tokens another writer (the daemon) already put in the file, without a grant', async () => {
    const { clock, file, tokens } = await setup();
    clock.advance(301_000);
    const connection = await lenient(clock);
    // Meanwhile a fresh login lands in the file (a daemon's refresh, or `canfar login`).
    writeFileSync(file, await sim!.oidc.canfarConfig());
    const fresh = await openCommandLogin(connection, dir, { now: () => clock.now(), grant: refreshGrant });
    expect(fresh).toBeNull();
    expect(sim!.oidc.grants()).toBe(0);
    expect((await resolveConnection({}, { env: { HOME: dir }, homeDir: dir, clock })).credential.token).toBe(tokens().access);
  });

  it('does nothing for any other credential', async () => {
    const { clock } = await setup();
    clock.advance(301_000);
    const connection = await resolveConnection({ token: 'a-token-of-my-own' }, { env: { HOME: dir }, homeDir: dir, lenient: true, clock });
    expect(await openCommandLogin(connection, dir, { now: () => clock.now(), grant: refreshGrant })).toBeNull();
    expect(sim!.oidc.tokenRequests()).toBe(0);
  });

  it('outlives its token in a long command: a 401 refreshes once and the call is retried; every new secret is reported for redaction', async () => {
    const { clock, tokens } = await setup();
    const secrets: string[] = [];
    const opened = await openCommandLogin(await lenient(clock), dir, { now: () => clock.now(), grant: refreshGrant, onSecret: (s) => secrets.push(s) });
    expect(opened?.start).toBe('as-is');
    const client = new SkahaClient(opened!.connection);
    const api = refreshingApi(client, opened!.login);
    try {
      expect(Array.isArray(await api.listSessions())).toBe(true);
      // Hours into a wait: the token has expired.
      clock.advance(3_600_000);
      expect(Array.isArray(await api.listSessions())).toBe(true);
      expect(sim!.oidc.grants()).toBe(1);
      expect(secrets).toEqual([tokens().access, tokens().refresh]);
      expect(opened!.connection.credential.token).toBe(tokens().access);
      // A login that has ended is said so, not retried in a loop.
      clock.advance(3_600_000);
      sim!.oidc.revokeAll();
      expect(await rejectionOf(api.listSessions())).toMatchObject({ code: 'LOGIN_EXPIRED' });
      expect(sim!.oidc.grants()).toBe(1);
    } finally {
      await client.close();
    }
  });
});
