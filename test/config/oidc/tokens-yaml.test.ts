import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { oidcLoginFrom, oidcTokens } from '../../../src/config/oidc/oidc-login.js';
import { tokensIntoYaml } from '../../../src/config/oidc/tokens-yaml.js';
import { CANFAR_YAML } from './canfar-yaml.js';

const next = oidcTokens('new-access-token', 'new-refresh-token', { accessExpiresAt: 1_766_000_000_000, refreshExpiresAt: 1_767_000_000_999, issuedAt: null });

/** Every key path of a parsed YAML value (the file's shape without its values). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, `${prefix}/${k}`));
}

describe('tokensIntoYaml: the write-back keeps the file as the official client left it', () => {
  it('replaces only the tokens and expiries: same keys, nesting, order and comments; the values parse back', () => {
    const out = tokensIntoYaml(CANFAR_YAML, 'srcnet', next);
    const before = parse(CANFAR_YAML) as Record<string, any>;
    const after = parse(out) as Record<string, any>;
    expect(keyPaths(after)).toEqual(keyPaths(before));
    expect(after.authentication.srcnet.token).toEqual({
      access: 'new-access-token',
      refresh: 'new-refresh-token',
      token_type: 'Bearer',
      scope: 'openid profile email offline_access',
    });
    expect(after.authentication.srcnet.expiry).toEqual({ access: 1_766_000_000, refresh: 1_767_000_000 });
    const untouched = structuredClone(after);
    untouched.authentication.srcnet.token = before.authentication.srcnet.token;
    untouched.authentication.srcnet.expiry = before.authentication.srcnet.expiry;
    expect(untouched).toEqual(before);
    expect(out).toContain('# written by canfar login — keep this comment');
    expect(out).toContain('# the identity in use');
    expect(out).toContain('# a key a newer client may add');
    expect(out).toContain("client: { identity: client-123, secret: 'client-secret-abc' }");
    // What skaha-tui reads back is the new login.
    const login = oidcLoginFrom(after, 'f');
    expect(login?.tokens.access).toBe('new-access-token');
    expect(login?.tokens.refresh).toBe('new-refresh-token');
  });

  it('creates a missing or null expiry map and keeps an unknown refresh expiry as null', () => {
    const text = CANFAR_YAML.replace(/ {4}expiry:\n {6}access: 1765000000.5\n {6}refresh: null\n/, '    expiry: null\n');
    const tokens = oidcTokens('a', 'r', { accessExpiresAt: 2_000_000_000_000, refreshExpiresAt: null, issuedAt: null });
    const after = parse(tokensIntoYaml(text, 'srcnet', tokens)) as Record<string, any>;
    expect(after.authentication.srcnet.expiry).toEqual({ access: 2_000_000_000, refresh: null });
  });

  it('refuses to write into a file that is not valid YAML or no longer holds the login', () => {
    expect(() => tokensIntoYaml(`${CANFAR_YAML}\nversion: 2\n`, 'srcnet', next)).toThrow(expect.objectContaining({ code: 'TOKEN_REFRESH_FAILED' }));
    expect(() => tokensIntoYaml(CANFAR_YAML, 'gone', next)).toThrow(/no longer holds the login gone/);
  });

  it('reads nonsense expiries (huge, negative, text) as unknown instead of failing later', () => {
    for (const value of ['1e300', '-5', '"soon"', '.nan']) {
      const doc = parse(CANFAR_YAML.replace('access: 1765000000.5', `access: ${value}`).replace('refresh: null', `refresh: ${value}`));
      const login = oidcLoginFrom(doc, 'f')!;
      expect(login.tokens, value).toMatchObject({ accessExpiresAt: null, refreshExpiresAt: null });
    }
  });

  it('quotes hostile values instead of letting them change the structure', () => {
    const odd = oidcTokens('x\nversion: 9', "'; rm -rf ~ #", { accessExpiresAt: null, refreshExpiresAt: null, issuedAt: null, scope: 'a: b\n- c' });
    const after = parse(tokensIntoYaml(CANFAR_YAML, 'srcnet', odd)) as Record<string, any>;
    expect(after.version).toBe(1);
    expect(after.authentication.srcnet.token).toMatchObject({ access: 'x\nversion: 9', refresh: "'; rm -rf ~ #", scope: 'a: b\n- c' });
  });
});
