import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { oidcLoginFrom, type OidcLogin } from '../../../src/config/oidc/oidc-login.js';
import { refreshGrant } from '../../../src/client/refresh-grant.js';
import { refreshLogin } from '../../../src/config/oidc/refresh-login.js';
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

const clock = new FakeClock();
const always = () => true;
const never = () => false;

/** A simulator with its identity provider, and a canfar config (mode 0600, an extra comment) holding a fresh login. */
async function setup(oidc = {}): Promise<{ file: string; login: OidcLogin; read: () => Record<string, any> }> {
  sim = await startSimulator({ seed: 11, clock, oidc: { accessLifetimeSec: 300, ...oidc } });
  dir = mkdtempSync(join(tmpdir(), 'rl-'));
  mkdirSync(join(dir, '.canfar'));
  const file = join(dir, '.canfar', 'config.yaml');
  writeFileSync(file, `# my notes stay\n${await sim.oidc.canfarConfig()}`);
  chmodSync(file, 0o640);
  const read = () => parse(readFileSync(file, 'utf8')) as Record<string, any>;
  return { file, login: oidcLoginFrom(read(), file)!, read };
}

const status = async (token: string) => (await fetch(`${sim!.apiUrl}/session`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('refreshLogin: refresh, write back, and never clobber another writer', () => {
  it('refreshes with the file login and writes the rotated tokens back atomically: mode kept, other keys and comments kept', async () => {
    const { file, login, read } = await setup();
    const before = read();
    const outcome = await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant: refreshGrant });
    expect(outcome.kind).toBe('refreshed');
    expect(sim!.oidc.grants()).toBe(1);
    expect(outcome.tokens.refresh).not.toBe(login.tokens.refresh);
    expect(outcome.tokens.accessExpiresAt).toBe(clock.now() + 300_000);
    const after = read();
    expect(after.authentication.simnet.token).toMatchObject({ access: outcome.tokens.access, refresh: outcome.tokens.refresh, token_type: 'Bearer' });
    expect(after.authentication.simnet.expiry.access).toBe(Math.floor(clock.now() / 1000) + 300);
    expect({ ...after, authentication: null }).toEqual({ ...before, authentication: null });
    expect(readFileSync(file, 'utf8')).toMatch(/^# my notes stay\n/);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe(outcome.text);
    // The new access token works; the old refresh token was retired by the rotation.
    expect(await status(outcome.tokens.access)).toBe(200);
    const reuse = { endpoint: login.tokenEndpoint, file, clientId: login.clientId, clientSecret: login.clientSecret, refreshToken: login.tokens.refresh };
    expect(await rejectionOf(refreshGrant(reuse))).toMatchObject({ code: 'LOGIN_EXPIRED' });
  });

  it('takes newer tokens found in the file instead of refreshing again', async () => {
    const { file, login } = await setup();
    const elsewhere = await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant: refreshGrant });
    const grants = sim!.oidc.grants();
    // This process still holds the old tokens: the file has newer ones, which are not due.
    const outcome = await refreshLogin(login, login.tokens, never, { now: () => clock.now(), grant: refreshGrant });
    expect(outcome).toMatchObject({ kind: 'adopted' });
    expect(outcome.tokens.access).toBe(elsewhere.tokens.access);
    expect(sim!.oidc.grants()).toBe(grants);
    expect(readFileSync(file, 'utf8')).toBe(elsewhere.text);
  });

  it('does not clobber a writer that changed the tokens while the refresh was in flight: its tokens are taken', async () => {
    const { file, login } = await setup();
    const theirs = '# the official client wrote this\n' + (await sim!.oidc.canfarConfig()).replace('width: 120', 'width: 99');
    const grant: typeof refreshGrant = async (req) => {
      const answer = await refreshGrant(req);
      writeFileSync(file, theirs);
      return answer;
    };
    const outcome = await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant });
    expect(outcome.kind).toBe('adopted');
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(outcome.tokens.access).toBe(oidcLoginFrom(parse(theirs), file)!.tokens.access);
  });

  it('an answer without a refresh token keeps the old one (and its expiry) in the file', async () => {
    const { login, read } = await setup({ omitRefreshToken: true });
    const outcome = await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant: refreshGrant });
    expect(outcome.tokens.refresh).toBe(login.tokens.refresh);
    expect(read().authentication.simnet.token.refresh).toBe(login.tokens.refresh);
    expect(read().authentication.simnet.expiry.refresh).toBe(Math.floor(login.tokens.refreshExpiresAt! / 1000));
    expect(outcome.tokens.access).not.toBe(login.tokens.access);
  });

  it('a refused login is LOGIN_EXPIRED and leaves the file alone, unless a new login arrived meanwhile', async () => {
    const { file, login } = await setup();
    const text = readFileSync(file, 'utf8');
    sim!.oidc.revokeAll();
    expect(await rejectionOf(refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant: refreshGrant }))).toMatchObject({
      code: 'LOGIN_EXPIRED',
    });
    expect(readFileSync(file, 'utf8')).toBe(text);
    const relogin = await sim!.oidc.canfarConfig();
    const grant: typeof refreshGrant = async (req) => {
      writeFileSync(file, relogin);
      return refreshGrant(req);
    };
    expect(await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant })).toMatchObject({ kind: 'adopted' });
  });

  it('updates a symlinked config where it lives, keeping the link; refuses when the login is gone', async () => {
    const { file, login } = await setup();
    const real = join(dir, 'dotfiles-config.yaml');
    writeFileSync(real, readFileSync(file));
    rmSync(file);
    symlinkSync(real, file);
    const outcome = await refreshLogin(login, login.tokens, always, { now: () => clock.now(), grant: refreshGrant });
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readlinkSync(file)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe(outcome.text);
    writeFileSync(real, 'version: 1\nactive: {authentication: cadc}\n');
    expect((await rejectionOf(refreshLogin(login, outcome.tokens, always, { now: () => clock.now(), grant: refreshGrant }))).message).toMatch(
      /no longer holds a refreshable login simnet/,
    );
  });
});
