import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createConnection } from '../../src/config/create-connection.js';
import { certificateCredential } from '../../src/config/credentials.js';
import { connectionIdentity, credentialFingerprint } from '../../src/config/connection-identity.js';
import { describeIdentity, sameIdentity } from '../../src/domain/connection-identity.js';
import { makeCert } from './pem.js';

const check = { now: Date.now() };

describe('credentialFingerprint', () => {
  it('is a short domain-separated hash of the token: stable, different per token, never the token', () => {
    const a = createConnection({ url: 'https://h.example/skaha', token: 'token-of-alice-0123' });
    const b = createConnection({ url: 'https://h.example/skaha', token: 'token-of-bob-0123' });
    const fingerprint = credentialFingerprint(a.credential)!;
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    expect(credentialFingerprint(createConnection({ url: 'https://x.example/skaha', token: 'token-of-alice-0123' }).credential)).toBe(fingerprint);
    expect(credentialFingerprint(b.credential)).not.toBe(fingerprint);
    // Not a bare hash of the token: the domain string goes first.
    expect(createHash('sha256').update('token-of-alice-0123').digest('hex')).not.toContain(fingerprint);
  });

  it('hashes the certificate, not its key: a renewed key with the same certificate keeps it, another certificate changes it', async () => {
    const one = makeCert({ cn: 'alice' });
    const two = makeCert({ cn: 'alice' });
    const first = await certificateCredential(one.combinedPath, { source: 'flag', label: '--cert' }, check);
    const fingerprint = credentialFingerprint(first)!;
    expect(fingerprint).toMatch(/^[0-9a-f]{12}$/);
    const der = new X509Certificate(one.cert).raw;
    expect(fingerprint).toBe(createHash('sha256').update('skaha-tui credential fingerprint v1\0certificate\0').update(der).digest('hex').slice(0, 12));
    const other = await certificateCredential(two.combinedPath, { source: 'flag', label: '--cert' }, check);
    expect(credentialFingerprint(other)).not.toBe(fingerprint);
  });

  it('is null without a credential', () => {
    expect(credentialFingerprint(createConnection({ url: 'https://h.example/skaha' }).credential)).toBeNull();
  });
});

describe('connection identities', () => {
  const alice = connectionIdentity(createConnection({ url: 'https://h.example/skaha', token: 'token-of-alice-0123', urlSource: 'env' }));

  it('name the server with its version and the credential without its secret', () => {
    expect(alice).toEqual({
      server: 'https://h.example/skaha/v1',
      credential: { kind: 'token', source: 'env', fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/) },
    });
    expect(JSON.stringify(alice)).not.toContain('token-of-alice');
    expect(describeIdentity(alice)).toBe(`https://h.example/skaha/v1 with token ${alice.credential.fingerprint} (env)`);
    expect(describeIdentity(null)).toBe('no usable connection');
  });

  it('are the same for the same server and credential from another source, and differ otherwise', () => {
    const fromFlag = connectionIdentity(createConnection({ url: 'https://h.example/skaha/v1', token: 'token-of-alice-0123', urlSource: 'flag' }));
    expect(sameIdentity(alice, fromFlag)).toBe(true);
    expect(sameIdentity(alice, connectionIdentity(createConnection({ url: 'https://h.example/skaha', token: 'token-of-bob-0123' })))).toBe(false);
    expect(sameIdentity(alice, connectionIdentity(createConnection({ url: 'https://other.example/skaha', token: 'token-of-alice-0123' })))).toBe(false);
    expect(sameIdentity(alice, null)).toBe(false);
    expect(sameIdentity(null, null)).toBe(false);
  });
});
