import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A generated self-signed certificate: separate files plus a CADC-style combined PEM (cert + key). */
export interface TestPem {
  cert: string;
  key: string;
  combined: string;
  combinedPath: string;
  certPath: string;
  keyPath: string;
}

/** Generates a P-256 self-signed certificate valid for `days` with openssl (optionally with an IP SAN, or already expired: notAfter a day ago). */
export function makeCert(options: { cn?: string; days?: number; ipSan?: string; dir?: string; expired?: boolean } = {}): TestPem {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'skaha-pem-'));
  const base = path.join(dir, options.cn ?? 'test');
  const args = [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${base}.key`,
    '-out',
    `${base}.crt`,
    '-days',
    String(options.days ?? 1),
    '-subj',
    `/CN=${options.cn ?? 'test'}`,
  ];
  if (options.ipSan) args.push('-addext', `subjectAltName=IP:${options.ipSan}`);
  execFileSync('openssl', args, { stdio: 'ignore' });
  if (options.expired)
    execFileSync('openssl', ['x509', '-in', `${base}.crt`, '-signkey', `${base}.key`, '-days', '-1', '-out', `${base}.crt`], { stdio: 'ignore' });
  const cert = readFileSync(`${base}.crt`, 'utf8');
  const key = readFileSync(`${base}.key`, 'utf8');
  const combined = cert + key;
  writeFileSync(`${base}.pem`, combined, { mode: 0o600 });
  return { cert, key, combined, combinedPath: `${base}.pem`, certPath: `${base}.crt`, keyPath: `${base}.key` };
}

/** An unsigned JWT-shaped token with the given claims (the client only reads `exp`). */
export function makeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.c2lnbmF0dXJl`;
}
