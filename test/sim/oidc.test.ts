import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jwtExpiry, jwtTimeClaim } from '../../src/config/jwt.js';
import { oidcLoginFrom } from '../../src/config/oidc/oidc-login.js';
import { parseSimArgs } from '../../src/sim/cli-args.js';
import { answer, startTestSim, type TestSim } from './sim-helpers.js';

let t: TestSim | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** POSTs a refresh_token grant to the simulator's token endpoint; client credentials in Basic auth unless `body` says otherwise. */
async function grant(
  refresh: string,
  extra: Record<string, string> = {},
  basic: string | null = null,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const { sim } = t!;
  const auth = basic ?? Buffer.from(`${encodeURIComponent(sim.oidc.clientId)}:${encodeURIComponent(sim.oidc.clientSecret)}`).toString('base64');
  const res = await fetch(sim.oidc.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(basic === '' ? {} : { authorization: `Basic ${auth}` }) },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refresh, ...extra }).toString(),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('simulator: the OIDC side', () => {
  it('issues JWT access tokens with exp that Skaha accepts until they expire, then answers 401', async () => {
    t = await startTestSim({ oidc: { accessLifetimeSec: 60 } });
    const login = t.sim.oidc.login('bob');
    expect(jwtExpiry(login.access_token)).toBe(t.clock.now() + 60_000);
    expect(jwtTimeClaim(login.access_token, 'iat')).toBe(t.clock.now());
    expect(login).toMatchObject({ token_type: 'Bearer', expires_in: 60, refresh_expires_in: 86400 });
    const list = await t.get('/session', login.access_token);
    expect(list.status).toBe(200);
    expect(t.sim.requestLog().at(-1)).toMatchObject({ user: 'bob', status: 200 });
    t.tick(59);
    expect((await t.get('/session', login.access_token)).status).toBe(200);
    t.tick(1);
    const expired = await t.get('/session', login.access_token);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer');
    // A forged token (same claims, other signature) is refused.
    const [h, p] = login.access_token.split('.');
    expect((await t.get('/session', `${h}.${p}.${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('refresh_token grant: rotates refresh tokens, refuses a reused one, and refuses every one after the login lifetime', async () => {
    t = await startTestSim({ oidc: { accessLifetimeSec: 60, refreshLifetimeSec: 600 } });
    const first = t.sim.oidc.login();
    const second = await grant(first.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ token_type: 'Bearer', expires_in: 60, refresh_expires_in: 600, scope: 'openid profile email offline_access' });
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expect((await t.get('/session', second.json.access_token as string)).status).toBe(200);
    expect(await grant(first.refresh_token!)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    t.tick(300);
    const third = await grant(second.json.refresh_token as string);
    expect(third.json.refresh_expires_in).toBe(300);
    t.tick(300);
    expect(await grant(third.json.refresh_token as string)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(t.sim.oidc.grants()).toBe(2);
  });

  it('authenticates the client (Basic or form fields) and accepts only the refresh_token grant', async () => {
    t = await startTestSim();
    const { refresh_token: refresh } = t.sim.oidc.login();
    expect(await grant(refresh!, {}, Buffer.from('sim:wrong').toString('base64'))).toMatchObject({ status: 401, json: { error: 'invalid_client' } });
    expect(await grant(refresh!, { client_id: t.sim.oidc.clientId, client_secret: 'wrong' }, '')).toMatchObject({ status: 401 });
    expect(await grant(refresh!, { grant_type: 'password' })).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } });
    expect(await grant(refresh!, { client_id: t.sim.oidc.clientId, client_secret: t.sim.oidc.clientSecret }, '')).toMatchObject({ status: 200 });
    const discovery = await answer(await fetch(`${t.sim.oidc.issuer}/.well-known/openid-configuration`));
    expect(JSON.parse(discovery.text)).toMatchObject({ issuer: t.sim.oidc.issuer, token_endpoint: t.sim.oidc.tokenUrl });
  });

  it('can answer without a refresh token (the old one stays valid), be revoked, and be steered through the admin API', async () => {
    t = await startTestSim({ oidc: { omitRefreshToken: true } });
    const { refresh_token: refresh } = t.sim.oidc.login();
    const kept = await grant(refresh!);
    expect(kept.status).toBe(200);
    expect(kept.json.refresh_token).toBeUndefined();
    expect((await grant(refresh!)).status).toBe(200);
    const admin = (path: string, method: string, body?: unknown) =>
      fetch(`${t!.sim.adminUrl}/oidc${path}`, {
        method,
        headers: { authorization: `Bearer ${t!.sim.adminToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect(await (await admin('', 'PATCH', { accessLifetimeSec: 5, omitRefreshToken: false })).json()).toMatchObject({
      settings: { accessLifetimeSec: 5, omitRefreshToken: false },
    });
    expect((await admin('', 'PATCH', { accessLifetimeSec: -1 })).status).toBe(400);
    const fresh = (await (await admin('/login', 'POST', { user: 'bob' })).json()) as { access_token: string; expires_in: number };
    expect(fresh.expires_in).toBe(5);
    expect((await admin('/revoke', 'POST')).status).toBe(200);
    expect(await grant(refresh!)).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('writes a canfar config holding a login, in the shape skaha-tui (and the official client) read', async () => {
    t = await startTestSim({ oidc: { accessLifetimeSec: 120 } });
    const doc = parse(await t.sim.oidc.canfarConfig()) as Record<string, any>;
    expect(doc.active).toEqual({ authentication: 'simnet', server: 'sim', servers: { simnet: 'sim' } });
    expect(doc.servers.sim).toMatchObject({ url: t.sim.baseUrl, version: 'v1' });
    const login = oidcLoginFrom(doc, 'f')!;
    expect(login).toMatchObject({ idp: 'simnet', tokenEndpoint: t.sim.oidc.tokenUrl, clientId: t.sim.oidc.clientId });
    expect(login.clientSecret).toBe(t.sim.oidc.clientSecret);
    expect(login.tokens.accessExpiresAt).toBe(t.clock.now() + 120_000);
    expect(doc.authentication.simnet.expiry).toEqual({ access: t.clock.now() / 1000 + 120, refresh: t.clock.now() / 1000 + 86400 });
    expect(parseSimArgs(['sim', '--oidc-access-seconds', '3', '--oidc-login-seconds', '60', '--canfar-config', '/tmp/x.yaml'])).toMatchObject({
      canfarConfig: '/tmp/x.yaml',
      options: { oidc: { accessLifetimeSec: 3, refreshLifetimeSec: 60 } },
    });
    expect(() => parseSimArgs(['--oidc-access-seconds', '0'])).toThrow(/--oidc-access-seconds needs an integer/);
  });
});
