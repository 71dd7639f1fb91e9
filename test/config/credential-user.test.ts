import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialUser, subjectUser } from '../../src/config/credential-user.js';
import { resolveConnection } from '../../src/config/resolve-connection.js';
import { connectedFrom } from '../../daemon/runtime/connect.js';
import { stateProblem } from '../../src/protocol/state-check.js';
import { initialState } from '../../src/state/state.js';
import { silentLogger } from '../../src/ports/logger.js';
import { makeCert, makeJwt } from './pem.js';
import { makeTempHome, type TempHome } from './temp-home.js';

let t: TempHome;
beforeEach(() => {
  t = makeTempHome();
});
afterEach(() => t.cleanup());

const opts = () => ({ env: t.env, homeDir: t.home });

describe('the user a credential names', () => {
  it("is a certificate subject's CN", async () => {
    const pem = makeCert({ dir: t.home, cn: 'alice' });
    const c = await resolveConnection({ cert: pem.combinedPath }, opts());
    expect(credentialUser(c.credential)).toBe('alice');
  });

  it("is a CADC certificate's CN less its id suffix, and the user's CN of a proxy certificate (which appends its own)", () => {
    expect(subjectUser('C=ca\nO=hia\nOU=cadc\nCN=jdoe_1a2\nCN=123456789')).toBe('jdoe');
    expect(subjectUser('CN=probe_user\nCN=12345')).toBe('probe_user');
    expect(subjectUser('O=Acme')).toBeNull();
  });

  it("is a token's preferred_username, else its sub, never the token; an opaque token names none", async () => {
    const named = makeJwt({ preferred_username: 'bob', sub: '0b1c2d', exp: Math.floor(Date.now() / 1000) + 3600 });
    const c = await resolveConnection({ token: named }, opts());
    expect(credentialUser(c.credential)).toBe('bob');
    const bySub = await resolveConnection({ token: makeJwt({ sub: 'carol' }) }, opts());
    expect(credentialUser(bySub.credential)).toBe('carol');
    const opaque = await resolveConnection({ token: 'opaque-token-0123456789' }, opts());
    expect(credentialUser(opaque.credential)).toBeNull();
    expect(credentialUser((await resolveConnection({ token: makeJwt({ preferred_username: 'x'.repeat(500) }) }, opts())).credential)).toHaveLength(100);
  });

  it("reaches the daemon's credential status (for the dashboard's header), which the protocol checks", async () => {
    const pem = makeCert({ dir: t.home, cn: 'alice' });
    const connected = connectedFrom(await resolveConnection({ cert: pem.combinedPath }, opts()), silentLogger);
    expect(connected.credentials?.user).toBe('alice');
    await connected.close?.();
    const opaque = connectedFrom(await resolveConnection({ token: 'opaque-token-0123456789' }, opts()), silentLogger);
    expect(opaque.credentials).not.toHaveProperty('user');
    await opaque.close?.();
    const state = initialState();
    expect(stateProblem({ ...state, credentials: { kind: 'certificate', source: 'default', expiresAt: null, user: 'alice' } })).toBeNull();
    expect(stateProblem({ ...state, credentials: { kind: 'certificate', source: 'default', expiresAt: null, user: 5 } })).toMatch(/credentials\.user/);
  });
});
