import { writeFileSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConnection } from '../../src/config/resolve-connection.js';
import { describeCredential } from '../../src/config/credentials.js';
import { jwtExpiry } from '../../src/config/jwt.js';
import { createConnection } from '../../src/config/create-connection.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { makeTempHome, type TempHome } from './temp-home.js';
import { makeCert, makeJwt, type TestPem } from './pem.js';
import { rejectionOf } from '../helpers/rejection.js';

let t: TempHome;
let pem: TestPem;
beforeEach(() => {
  t = makeTempHome();
  pem = makeCert({ dir: t.home, cn: 'bob' });
});
afterEach(() => t.cleanup());

const opts = (clock?: FakeClock) => ({ env: t.env, homeDir: t.home, clock });

describe('certificate credentials', () => {
  it('exposes notAfter of the first certificate as expiry', async () => {
    const c = await resolveConnection({ cert: pem.combinedPath }, opts());
    const notAfter = Date.parse(c.credential.expiresAt!);
    expect(Math.abs(notAfter - (Date.now() + 86_400_000))).toBeLessThan(120_000);
  });

  it('an expired certificate is CREDENTIALS_ERROR naming the file and cadc-get-cert; lenient returns it', async () => {
    const later = new FakeClock(Date.now() + 2 * 86_400_000);
    const err = await rejectionOf(resolveConnection({ cert: pem.combinedPath }, opts(later)));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toContain(pem.combinedPath);
    expect(err.message).toMatch(/expired/);
    expect(err.message).toMatch(/cadc-get-cert/);
    const c = await resolveConnection({ cert: pem.combinedPath }, { ...opts(later), lenient: true });
    expect(describeCredential(c.credential, later.now()).expired).toBe(true);
  });

  it('a missing certificate file is CREDENTIALS_ERROR naming the file and the source', async () => {
    const missing = path.join(t.home, 'nope.pem');
    const err = await rejectionOf(resolveConnection({}, { ...opts(), env: { ...t.env, SKAHA_CERT: missing } }));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toContain(missing);
    expect(err.message).toContain('SKAHA_CERT');
    expect(err.message).toMatch(/does not exist/);
  });

  it('an unreadable certificate path (a folder) is CREDENTIALS_ERROR', async () => {
    // Tests may run as root, which reads any file, so unreadability is provoked with a folder.
    const err = await rejectionOf(resolveConnection({ cert: t.home }, opts()));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toContain(t.home);
    expect(err.message).toMatch(/folder/);
  });

  it('a PEM without a private key is CREDENTIALS_ERROR', async () => {
    const err = await rejectionOf(resolveConnection({ cert: pem.certPath }, opts()));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toMatch(/no private key/);
  });

  it('a file with no certificate is CREDENTIALS_ERROR that does not echo the file content', async () => {
    const file = path.join(t.home, 'garbage.pem');
    writeFileSync(file, 'secret-garbage-content');
    const err = await rejectionOf(resolveConnection({ cert: file }, opts()));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).not.toContain('secret-garbage-content');
  });
});

describe('token credentials', () => {
  it('reads a JWT exp as the expiry; an opaque token has no expiry', async () => {
    const jwt = makeJwt({ sub: 'alice', exp: 4102444800 });
    expect(jwtExpiry(jwt)).toBe(4102444800_000);
    expect((await resolveConnection({ token: jwt }, opts())).credential.expiresAt).toBe('2100-01-01T00:00:00.000Z');
    expect((await resolveConnection({ token: 'opaque-token' }, opts())).credential.expiresAt).toBeNull();
    expect(jwtExpiry('a.b.c')).toBeNull();
  });

  it('a JWT whose exp is beyond any date counts as having no expiry (it used to make toISOString throw)', async () => {
    const jwt = makeJwt({ exp: 1e300 });
    expect(jwtExpiry(jwt)).toBeNull();
    expect((await resolveConnection({ token: jwt }, opts())).credential.expiresAt).toBeNull();
  });

  it('an expired JWT is CREDENTIALS_ERROR without the token in the message', async () => {
    const jwt = makeJwt({ exp: Math.floor(Date.now() / 1000) - 60 });
    const err = await rejectionOf(resolveConnection({}, { ...opts(), env: { ...t.env, SKAHA_TOKEN: jwt } }));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toContain('SKAHA_TOKEN');
    expect(err.message).toMatch(/expired/);
    expect(err.message).not.toContain(jwt);
    expect(err.message).not.toContain(jwt.split('.')[1]);
  });

  it('a missing token file is CREDENTIALS_ERROR naming the file', async () => {
    t.writeConfig({ tokenFile: path.join(t.home, 'missing-token') });
    const err = await rejectionOf(resolveConnection({}, opts()));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).toContain(path.join(t.home, 'missing-token'));
  });

  it('an empty or multi-line token is refused', async () => {
    expect((await rejectionOf(resolveConnection({ token: '' }, opts()))).code).toBe('CREDENTIALS_ERROR');
    const err = await rejectionOf(resolveConnection({ token: 'abc\ndef-secret' }, opts()));
    expect(err.code).toBe('CREDENTIALS_ERROR');
    expect(err.message).not.toContain('def-secret');
  });
});

describe('describeCredential', () => {
  it('gives kind, source, path and expiry, and no secret', async () => {
    const c = await resolveConnection({ cert: pem.combinedPath }, opts());
    const d = describeCredential(c.credential);
    expect(d).toMatchObject({ kind: 'certificate', source: 'flag', path: pem.combinedPath, expired: false });
    expect(d.summary).toContain(pem.combinedPath);
    expect(JSON.stringify(d)).not.toContain('PRIVATE KEY');
    const tok = describeCredential(createConnection({ url: 'http://x/skaha', token: 'tok-secret-123' }).credential);
    expect(tok).toMatchObject({ kind: 'token', path: null, expiresAt: null, expired: null });
    expect(JSON.stringify(tok)).not.toContain('tok-secret-123');
  });
});

describe('secrets are never enumerable', () => {
  it('JSON.stringify, util.inspect (even showHidden), spreads and keys never show token, registry secret or key', async () => {
    const token = 'sekret-token-0123456789';
    const registrySecret = 'registry-secret-987654';
    const withToken = await resolveConnection(
      { token },
      { ...opts(), env: { ...t.env, SKAHA_REGISTRY_USERNAME: 'ru', SKAHA_REGISTRY_SECRET: registrySecret } },
    );
    const withCert = await resolveConnection({ cert: pem.combinedPath }, opts());
    expect(withToken.credential.token).toBe(token);
    expect(withToken.registryAuth?.secret).toBe(registrySecret);
    expect(withCert.credential.pem).toContain('PRIVATE KEY');
    for (const c of [withToken, withCert]) {
      const views = [
        JSON.stringify(c),
        util.inspect(c, { depth: Infinity }),
        util.inspect(c, { depth: Infinity, showHidden: true }),
        JSON.stringify({ ...c, credential: { ...c.credential } }),
        String(Object.keys(c.credential)),
        // oxlint-disable-next-line typescript/restrict-template-expressions, typescript/no-base-to-string -- the point: how a careless template shows it
        `${c.credential}`,
      ];
      for (const view of views) {
        expect(view).not.toContain(token);
        expect(view).not.toContain(registrySecret);
        expect(view).not.toContain('PRIVATE KEY');
        expect(view).not.toContain(pem.key.split('\n')[1]);
      }
    }
  });
});
