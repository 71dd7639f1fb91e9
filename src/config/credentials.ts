import { readFile } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { credentialsError } from '../domain/errors.js';
import type { Credential, SettingSource } from './connection.js';
import { defineSecret } from './secret.js';
import { jwtExpiry } from './jwt.js';

/** Where a credential came from, for messages: the source level plus a human label such as `SKAHA_CERT`. */
export interface CredentialOrigin {
  source: SettingSource;
  /** e.g. `--token flag`, `SKAHA_TOKEN`, `config file ~/.config/skaha-tui/config.json (certificate)`. */
  label: string;
}

/** Options shared by the credential loaders. */
export interface CredentialCheck {
  /** Epoch milliseconds to compare expiry with. */
  now: number;
  /** When true an expired credential is returned (for `doctor`) instead of rejected. */
  allowExpired?: boolean;
  /** An expiry known from elsewhere (e.g. the canfar config), used when the token is not a JWT. */
  knownExpiry?: number | null;
}

const RENEW_CERT = 'get a new proxy certificate with `cadc-get-cert -u <username>` (or `canfar login`)';
const RENEW_TOKEN = 'get a new token (e.g. `canfar login`) and pass it with --token or SKAHA_TOKEN';

/** A bearer-token credential; the token is non-enumerable. Rejects empty, multi-line and expired tokens. */
export function tokenCredential(token: string, origin: CredentialOrigin, check: CredentialCheck): Credential {
  const value = token.trim();
  if (value === '') throw credentialsError(`the token from ${origin.label} is empty — ${RENEW_TOKEN}`);
  if (/[\s]/.test(value)) throw credentialsError(`the token from ${origin.label} contains whitespace or line breaks — check that it holds exactly one token`);
  const expiry = jwtExpiry(value) ?? check.knownExpiry ?? null;
  const expiresAt = expiry === null ? null : new Date(expiry).toISOString();
  if (expiry !== null && expiry <= check.now && !check.allowExpired) {
    throw credentialsError(`the token from ${origin.label} expired at ${expiresAt} — ${RENEW_TOKEN}`);
  }
  const credential: Credential = { kind: 'token', source: origin.source, expiresAt };
  return defineSecret(credential, 'token', value);
}

/** Reads a token from a file (trimmed) and returns it as a credential. */
export async function tokenFileCredential(file: string, origin: CredentialOrigin, check: CredentialCheck): Promise<Credential> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw credentialsError(`cannot read the token file ${file} (from ${origin.label}): ${errnoText(error)} — check the path and its permissions`, error);
  }
  return tokenCredential(text, { ...origin, label: `${origin.label} (${file})` }, check);
}

/** Reads a PEM holding the certificate chain and key; expiry is the first certificate's notAfter. The PEM is non-enumerable. */
export async function certificateCredential(file: string, origin: CredentialOrigin, check: CredentialCheck): Promise<Credential> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw credentialsError(
      `cannot read the certificate ${file} (from ${origin.label}): ${errnoText(error)} — ${RENEW_CERT}, or point --cert/SKAHA_CERT at it`,
      error,
    );
  }
  const first = firstCertificate(pem);
  if (!first) throw credentialsError(`the certificate file ${file} (from ${origin.label}) holds no PEM certificate — ${RENEW_CERT}`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw credentialsError(
      `the certificate file ${file} (from ${origin.label}) holds no private key; it must contain the certificate and its key — ${RENEW_CERT}`,
    );
  }
  let notAfter: number;
  try {
    notAfter = Date.parse(new X509Certificate(first).validTo);
  } catch (error) {
    throw credentialsError(`the certificate in ${file} (from ${origin.label}) cannot be parsed — ${RENEW_CERT}`, error);
  }
  const expiresAt = Number.isNaN(notAfter) ? null : new Date(notAfter).toISOString();
  if (!Number.isNaN(notAfter) && notAfter <= check.now && !check.allowExpired) {
    throw credentialsError(`the certificate ${file} (from ${origin.label}) expired at ${expiresAt} — ${RENEW_CERT}`);
  }
  const credential: Credential = { kind: 'certificate', source: origin.source, path: file, expiresAt };
  return defineSecret(credential, 'pem', pem);
}

/** The first PEM certificate block in `pem` (the proxy certificate itself, before its chain and key), or null. */
export function firstCertificate(pem: string): string | null {
  return /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? null;
}

/** The credential used when nothing is configured: requests go out unauthenticated. */
export function noCredential(): Credential {
  return { kind: 'none', source: 'default', expiresAt: null };
}

/** What `doctor` prints about a credential: never the secret. */
export interface CredentialDescription {
  kind: Credential['kind'];
  source: SettingSource;
  path: string | null;
  expiresAt: string | null;
  /** True when expired, false when valid, null when the expiry is unknown. */
  expired: boolean | null;
  /** One human line, e.g. `certificate ~/.ssl/cadcproxy.pem (default), expires 2026-12-01T00:00:00.000Z`. */
  summary: string;
}

/** Describes a credential for `doctor` output: kind, source, path and expiry, without any secret. */
export function describeCredential(credential: Credential, now: number = Date.now()): CredentialDescription {
  const expiry = credential.expiresAt === null ? null : Date.parse(credential.expiresAt);
  const expired = expiry === null || Number.isNaN(expiry) ? null : expiry <= now;
  const what =
    credential.kind === 'certificate' ? `certificate ${credential.path ?? ''}`.trim() : credential.kind === 'token' ? 'bearer token' : 'no credential';
  const when =
    credential.expiresAt === null ? (credential.kind === 'none' ? '' : ', expiry unknown') : `, ${expired ? 'expired' : 'expires'} ${credential.expiresAt}`;
  return {
    kind: credential.kind,
    source: credential.source,
    path: credential.path ?? null,
    expiresAt: credential.expiresAt,
    expired,
    summary: `${what} (${credential.source})${when}`,
  };
}

function errnoText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return typeof code === 'string' ? code : 'unreadable';
}
