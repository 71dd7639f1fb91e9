import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUpgrade } from '../../../daemon/ws/upgrade-check.js';
import { ensureTokenFile } from '../../../daemon/ws/token-file.js';
import { effectiveConfig } from '../../../daemon/runtime/effective-config.js';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';

describe('checkUpgrade', () => {
  const tcp = { token: 'sekret-token-value', allowedOrigins: ['http://localhost:3000'] };
  it.each([
    [{}, { token: null, allowedOrigins: [] }, null],
    [{ origin: 'https://evil.example' }, { token: null, allowedOrigins: [] }, 403],
    [{}, tcp, 401],
    [{ authorization: 'Basic abc' }, tcp, 401],
    [{ authorization: 'Bearer nope' }, tcp, 401],
    [{ authorization: 'bearer sekret-token-value' }, tcp, null],
    [{ authorization: 'Bearer sekret-token-value', origin: 'http://localhost:3000' }, tcp, null],
    [{ authorization: 'Bearer sekret-token-value', origin: 'http://localhost:3001' }, tcp, 403],
  ])('%j on %j → %s', (headers, policy, status) => {
    expect(checkUpgrade(headers, policy)?.status ?? null).toBe(status);
  });
});

describe('ensureTokenFile', () => {
  it('creates a 0600 token once, reuses it, and tightens loose permissions', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sk-tok-')), 'cfg', 'daemon.token');
    const token = ensureTokenFile(file);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    expect(ensureTokenFile(file)).toBe(token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, '  my-own-token \n');
    expect(ensureTokenFile(file)).toBe('my-own-token');
    expect(readFileSync(file, 'utf8')).toContain('my-own-token');
  });
});

describe('effectiveConfig', () => {
  it('leaves out the token and the registry secret', () => {
    const raw = { url: 'https://x/skaha', token: 'tok-123456', registry: { username: 'u', secret: 'reg-secret' }, timeouts: { totalMs: 5 } };
    const out = effectiveConfig(DEFAULT_DAEMON_CONFIG, raw);
    expect(out).toMatchObject({ url: 'https://x/skaha', registry: { username: 'u' }, timeouts: { totalMs: 5 }, polling: DEFAULT_DAEMON_CONFIG.polling });
    expect(JSON.stringify(out)).not.toMatch(/tok-123456|reg-secret/);
  });
});
