import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConnection, type ConnectionFlags, type ResolveOptions } from '../../src/config/resolve-connection.js';
import { DEFAULT_BASE_URL } from '../../src/config/connection.js';
import { makeTempHome, type TempHome } from './temp-home.js';
import { makeCert, makeJwt, type TestPem } from './pem.js';
import { rejectionOf } from '../helpers/rejection.js';

let t: TempHome;
let pem: TestPem;
beforeEach(() => {
  t = makeTempHome();
  pem = makeCert({ dir: t.home, cn: 'alice' });
});
afterEach(() => t.cleanup());

const resolve = (flags: ConnectionFlags = {}, env: NodeJS.ProcessEnv = {}, extra: Partial<ResolveOptions> = {}) =>
  resolveConnection(flags, { env: { ...t.env, ...env }, homeDir: t.home, ...extra });

const CANFAR_YAML = (certPath: string) => `version: 1
active:
  authentication: cadc
  server: myserver
authentication:
  cadc:
    mode: x509
    path: ${certPath}
    expiry: 1800000000.0
  srcnet:
    mode: oidc
    token:
      access: ${makeJwt({ exp: 4102444800 })}
      refresh: refresh-token-value
servers:
  myserver:
    url: https://canfar.example.org/skaha
    version: v0
registry:
  url: https://images.canfar.net
  username: canfar-user
  secret: canfar-registry-secret
`;

describe('resolveConnection: defaults', () => {
  it('uses the production URL and v1, and without any credential fails with what to do', async () => {
    const err = await rejectionOf(resolve());
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toMatch(/cadc-get-cert/);
    expect(err.message).toMatch(/canfar login/);
    const c = await resolve({}, {}, { lenient: true });
    expect(c).toMatchObject({ baseUrl: DEFAULT_BASE_URL, apiVersion: 'v1', urlSource: 'default', credential: { kind: 'none' } });
    expect(c.timeouts).toEqual({ connectMs: 10_000, totalMs: 30_000 });
  });

  it('uses ~/.ssl/cadcproxy.pem when it exists, with its notAfter as expiry', async () => {
    mkdirSync(path.join(t.home, '.ssl'));
    copyFileSync(pem.combinedPath, path.join(t.home, '.ssl', 'cadcproxy.pem'));
    const c = await resolve();
    expect(c.credential).toMatchObject({ kind: 'certificate', source: 'default', path: path.join(t.home, '.ssl', 'cadcproxy.pem') });
    const expires = Date.parse(c.credential.expiresAt!);
    expect(expires - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(24 * 3600_000 + 60_000);
    expect(c.credential.pem).toBe(pem.combined);
  });
});

describe('resolveConnection: the canfar config (read-only)', () => {
  it('takes the active server url and version, the x509 path and the registry', async () => {
    t.writeCanfarConfig(CANFAR_YAML(pem.combinedPath));
    const c = await resolve();
    expect(c).toMatchObject({ baseUrl: 'https://canfar.example.org/skaha', apiVersion: 'v0', urlSource: 'canfar-config' });
    expect(c.credential).toMatchObject({ kind: 'certificate', source: 'canfar-config', path: pem.combinedPath });
    expect(c.registryAuth?.username).toBe('canfar-user');
    expect(c.registryAuth?.secret).toBe('canfar-registry-secret');
  });

  it('takes an OIDC access token with its JWT exp', async () => {
    t.writeCanfarConfig(CANFAR_YAML(pem.combinedPath).replace('authentication: cadc', 'authentication: srcnet'));
    const c = await resolve();
    expect(c.credential).toMatchObject({ kind: 'token', source: 'canfar-config', expiresAt: '2100-01-01T00:00:00.000Z' });
    expect(c.credential.token).toBe(makeJwt({ exp: 4102444800 }));
  });

  it('sends the canfar config registry secret only to the server that config names', async () => {
    t.writeCanfarConfig(CANFAR_YAML(pem.combinedPath));
    const elsewhere = await resolve({ url: 'https://elsewhere.example.org/skaha', token: 'flag-token' });
    expect(elsewhere.registryAuth).toBeUndefined();
    const same = await resolve({ url: 'https://canfar.example.org/skaha/v1', token: 'flag-token' });
    expect(same.registryAuth?.secret).toBe('canfar-registry-secret');
  });

  it('never sends the canfar config token to a server named elsewhere (env, flag or own config)', async () => {
    t.writeCanfarConfig(CANFAR_YAML(pem.combinedPath).replace('authentication: cadc', 'authentication: srcnet'));
    const err = await rejectionOf(resolve({}, { SKAHA_URL: 'https://elsewhere.example.org/skaha' }));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toMatch(/is for https:\/\/canfar\.example\.org, not https:\/\/elsewhere\.example\.org/);
    expect(err.message).not.toContain(makeJwt({ exp: 4102444800 }));
    const same = await resolve({ url: 'https://canfar.example.org/skaha/v1' });
    expect(same.credential.source).toBe('canfar-config');
  });

  it('refuses malformed YAML with CONFIG_ERROR naming the file', async () => {
    t.writeCanfarConfig('active: [unclosed');
    const err = await rejectionOf(resolve());
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).toContain(path.join(t.home, '.canfar', 'config.yaml'));
  });
});

describe('resolveConnection: precedence flags > env > own config > canfar config', () => {
  beforeEach(() => t.writeCanfarConfig(CANFAR_YAML(pem.combinedPath)));

  it('own config beats the canfar config, ignoring unknown keys', async () => {
    t.writeConfig({
      url: 'https://own.example.org/skaha/v1',
      token: 'own-config-token',
      timeouts: { connectMs: 1500, totalMs: 9000 },
      concurrency: 3,
      daemon: { pollMs: 5 },
    });
    const c = await resolve();
    expect(c).toMatchObject({
      baseUrl: 'https://own.example.org/skaha',
      apiVersion: 'v1',
      urlSource: 'config',
      timeouts: { connectMs: 1500, totalMs: 9000 },
      concurrency: 3,
    });
    expect(c.credential).toMatchObject({ kind: 'token', source: 'config' });
    expect(c.credential.token).toBe('own-config-token');
  });

  it('reads tokenFile from the own config', async () => {
    const file = t.writeFile('tok.txt', 'file-token-value\n');
    t.writeConfig({ tokenFile: file });
    const c = await resolve();
    expect(c.credential.token).toBe('file-token-value');
  });

  it('env beats own config; SKAHA_ beats CANFAR_; a URL ending in /vN is split', async () => {
    t.writeConfig({ url: 'https://own.example.org/skaha', token: 'own-config-token' });
    const c = await resolve(
      {},
      {
        SKAHA_URL: 'https://env.example.org/skaha/v2/',
        CANFAR_URL: 'https://canfar-env.example.org/skaha',
        SKAHA_TOKEN: 'skaha-env-token',
        CANFAR_TOKEN: 'canfar-env-token',
      },
    );
    expect(c).toMatchObject({ baseUrl: 'https://env.example.org/skaha', apiVersion: 'v2', urlSource: 'env' });
    expect(c.credential.token).toBe('skaha-env-token');
    const d = await resolve({}, { CANFAR_URL: 'https://canfar-env.example.org/skaha/v1', CANFAR_TOKEN: 'canfar-env-token' });
    expect(d.baseUrl).toBe('https://canfar-env.example.org/skaha');
    expect(d.credential.token).toBe('canfar-env-token');
  });

  it('an env certificate beats a config token (level first, then kind)', async () => {
    t.writeConfig({ token: 'own-config-token' });
    const c = await resolve({}, { CANFAR_CERTIFICATE: pem.combinedPath });
    expect(c.credential).toMatchObject({ kind: 'certificate', source: 'env', path: pem.combinedPath });
  });

  it('a token beats a certificate at the same level', async () => {
    const env = await resolve({}, { SKAHA_TOKEN: 'env-token', SKAHA_CERT: pem.combinedPath });
    expect(env.credential.kind).toBe('token');
    const flags = await resolve({ token: 'flag-token', cert: pem.combinedPath });
    expect(flags.credential).toMatchObject({ kind: 'token', source: 'flag' });
  });

  it('flags beat env', async () => {
    const c = await resolve(
      { url: 'http://127.0.0.1:9/skaha', cert: pem.combinedPath },
      { SKAHA_URL: 'https://env.example.org/skaha', SKAHA_TOKEN: 'env-token' },
    );
    expect(c).toMatchObject({ baseUrl: 'http://127.0.0.1:9/skaha', apiVersion: 'v1', urlSource: 'flag' });
    expect(c.credential).toMatchObject({ kind: 'certificate', source: 'flag' });
  });

  it('registry auth: SKAHA_REGISTRY_* > CANFAR_REGISTRY__* > own config > canfar config', async () => {
    t.writeConfig({ registry: { username: 'cfg-user', secret: 'cfg-secret' } });
    expect((await resolve()).registryAuth?.username).toBe('cfg-user');
    const a = await resolve({}, { CANFAR_REGISTRY__USERNAME: 'c-user', CANFAR_REGISTRY__SECRET: 'c-secret' });
    expect([a.registryAuth?.username, a.registryAuth?.secret]).toEqual(['c-user', 'c-secret']);
    const b = await resolve(
      {},
      { SKAHA_REGISTRY_USERNAME: 's-user', SKAHA_REGISTRY_SECRET: 's-secret', CANFAR_REGISTRY__USERNAME: 'c-user', CANFAR_REGISTRY__SECRET: 'c-secret' },
    );
    expect(b.registryAuth?.username).toBe('s-user');
    const err = await rejectionOf(resolve({}, { SKAHA_REGISTRY_USERNAME: 's-user' }));
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).toMatch(/SKAHA_REGISTRY_SECRET/);
  });
});

describe('resolveConnection: own config validation', () => {
  it.each([
    [{ url: 5 }, 'url'],
    [{ apiVersion: 'one' }, 'apiVersion'],
    [{ timeouts: { connectMs: -1 } }, 'timeouts.connectMs'],
    [{ timeouts: 'fast' }, 'timeouts'],
    [{ concurrency: 1000 }, 'concurrency'],
    [{ registry: { username: 'u' } }, 'registry.secret'],
    [{ token: 42 }, 'token'],
  ])('names the bad field %j', async (config, field) => {
    t.writeConfig(config);
    const err = await rejectionOf(resolve({ token: 'x-token' }));
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).toContain(`"${field}"`);
    expect(err.message).toContain(t.paths.configFile);
  });

  it('refuses a config file that is not JSON', async () => {
    t.writeConfig('{ nope');
    const err = await rejectionOf(resolve({ token: 'x-token' }));
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).toMatch(/not valid JSON/);
  });

  it('refuses a URL that is not http(s) or that embeds a password', async () => {
    expect((await rejectionOf(resolve({ url: 'ftp://x/skaha', token: 'x-token' }))).code).toBe('CONFIG_ERROR');
    const err = await rejectionOf(resolve({ url: 'https://bob:hunter22@x/skaha', token: 'x-token' }));
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).not.toContain('hunter22');
  });
});

describe('resolveConnection: bearer tokens in clear text', () => {
  it('refuses to send a token over plain http to another machine, and allows loopback', async () => {
    const err = await rejectionOf(resolve({ url: 'http://skaha.example.org/skaha', token: 'plain-text-token' }));
    expect(err.code).toBe('CONFIG_ERROR');
    expect(err.message).toMatch(/plain http to skaha\.example\.org.*https:\/\//);
    expect(err.message).not.toContain('plain-text-token');
    for (const url of ['http://127.0.0.1:8080/skaha', 'http://127.3.2.1:8080/skaha', 'http://localhost:8080/skaha', 'http://[::1]:8080/skaha']) {
      expect((await resolve({ url, token: 'plain-text-token' })).credential.kind).toBe('token');
    }
  });

  it('treats only real loopback addresses as this machine, not names that start with 127.', async () => {
    for (const url of [
      'http://127.example.invalid/skaha',
      'http://127.0.0.1.example.invalid/skaha',
      'http://localhost.example.invalid/skaha',
      'http://[::2]/skaha',
    ]) {
      const err = await rejectionOf(resolve({ url, token: 'plain-text-token' }));
      expect(err.code, url).toBe('CONFIG_ERROR');
      expect(err.message).toMatch(/plain http/);
    }
  });
});
