// The user a credential names (shown in the dashboard's header before any session names one); never any secret.

import { X509Certificate } from 'node:crypto';
import type { Credential } from './connection.js';
import { firstCertificate } from './credentials.js';
import { jwtTextClaim } from './jwt.js';

/** The longest user name kept: a name is for a header line, and a file or token can hold anything. */
export const MAX_USER_LENGTH = 100;

/** A CADC certificate's CN is the user name with a short id appended (`jdoe_1a2`); Skaha names sessions by the name alone. */
const CADC_SUFFIX = /^(.+)_[0-9a-f]{1,8}$/i;

/** The user name in a certificate subject: its first CN (a proxy certificate appends a CN of its own), less the CADC id suffix. */
export function subjectUser(subject: string): string | null {
  const fields = subject.split('\n').map((line) => line.trim());
  const cn = fields
    .find((f) => f.startsWith('CN='))
    ?.slice(3)
    .trim();
  if (!cn) return null;
  const cadc = fields.some((f) => f.toLowerCase() === 'ou=cadc');
  return (cadc ? (CADC_SUFFIX.exec(cn)?.[1] ?? cn) : cn).slice(0, MAX_USER_LENGTH);
}

/** The user a credential names: a certificate's subject CN, or a JWT's `preferred_username` (else `sub`); null when it names none. */
export function credentialUser(credential: Credential): string | null {
  if (credential.kind === 'token' && credential.token) {
    const name = jwtTextClaim(credential.token, 'preferred_username') ?? jwtTextClaim(credential.token, 'sub');
    return name === null ? null : name.slice(0, MAX_USER_LENGTH);
  }
  const pem = credential.kind === 'certificate' && credential.pem ? firstCertificate(credential.pem) : null;
  if (!pem) return null;
  try {
    return subjectUser(new X509Certificate(pem).subject);
  } catch {
    return null;
  }
}
