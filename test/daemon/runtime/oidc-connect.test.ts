import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { settingsConnector } from '../../../daemon/runtime/connect.js';
import type { Connected } from '../../../daemon/runtime/api-holder.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeShortHome } from '../../helpers/start-daemon.js';
import { rejectionOf } from '../../helpers/rejection.js';

let sim: RunningSimulator | undefined;
let connected: Connected | undefined;
let home = '';
afterEach(async () => {
  await connected?.close?.();
  await sim?.close();
  connected = sim = undefined;
  rmSync(home, { recursive: true, force: true });
});

/** A temp HOME whose canfar config holds a simulator login (edited by `edit`), and a connector for it on `clock`. */
async function setup(clock: FakeClock, edit: (yaml: string) => string = (y) => y, env: Record<string, string> = {}) {
  sim = await startSimulator({ seed: 3, clock, oidc: { accessLifetimeSec: 60 } });
  const short = makeShortHome();
  home = short.home;
  mkdirSync(join(home, '.canfar'));
  writeFileSync(join(home, '.canfar', 'config.yaml'), edit(await sim.oidc.canfarConfig()));
  return settingsConnector({}, { ...short.env, ...env }, short.paths, silentLogger, { clock });
}

describe('settingsConnector and a canfar-config OIDC login', () => {
  it('connects with a refreshable login whose access token has already expired, and the first call refreshes it', async () => {
    const clock = new FakeClock();
    const connect = await setup(clock);
    clock.advance(120_000);
    sim!.advance(120_000);
    connected = await connect();
    expect(connected.credentials).toMatchObject({ kind: 'token', source: 'canfar-config', refresh: { state: 'active' } });
    expect(await connected.api.listSessions()).toEqual([]);
    expect(sim!.oidc.grants()).toBe(1);
    expect(Date.parse(connected.credentials!.expiresAt!)).toBe(clock.now() + 60_000);
    // The user the access token names, for the dashboard's header (never the token).
    expect(connected.credentials!.user).toBe('alice');
  });

  it('a login without a refresh token is not refreshable: an expired one is refused as before', async () => {
    const noRefresh = (yaml: string) => yaml.replace(/^( +)refresh: sim-refresh-\w+$/m, '$1refresh: null');
    // Other credentials are checked against the wall clock: a simulator clock at "now" mints a valid token…
    const fresh = await (await setup(new FakeClock(Date.now()), noRefresh))();
    expect(fresh.credentials).toEqual({ kind: 'token', source: 'canfar-config', expiresAt: expect.any(String), user: 'alice' });
    expect(fresh.subscribe).toBeUndefined();
    await fresh.close?.();
    await sim!.close();
    rmSync(home, { recursive: true, force: true });
    // …and one in the past an expired one.
    const expired = await setup(new FakeClock(Date.parse('2000-01-01T00:00:00Z')), noRefresh);
    expect(await rejectionOf(expired())).toMatchObject({ code: 'CREDENTIALS_ERROR', message: expect.stringMatching(/expired/) });
  });

  it('a token from the environment wins and is never refreshed', async () => {
    const clock = new FakeClock();
    const connect = await setup(clock, (y) => y, { SKAHA_TOKEN: 'sim-static-token-abc' });
    connected = await connect();
    expect(connected.credentials).toEqual({ kind: 'token', source: 'env', expiresAt: null });
    expect(connected.subscribe).toBeUndefined();
  });
});
