import { createHash, X509Certificate } from 'node:crypto';
import type { ConnectionIdentity } from '../domain/connection-identity.js';
import type { Connection, Credential } from './connection.js';
import { firstCertificate } from './credentials.js';
import { resolveConnection, type ConnectionFlags } from './resolve-connection.js';

/** How many hex digits of the hash a fingerprint keeps: enough to tell credentials apart, too few to learn anything. */
const FINGERPRINT_HEX = 12;

// Domain separation: these hashes are only ever fingerprints, never comparable with a hash of the same bytes elsewhere.
const DOMAIN = 'skaha-tui credential fingerprint v1';

function fingerprint(kind: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${DOMAIN}\0${kind}\0`).update(bytes).digest('hex').slice(0, FINGERPRINT_HEX);
}

/** The short fingerprint of a credential, the same on the daemon's side and a client's: the token's, or the certificate's (DER), never the key's. */
export function credentialFingerprint(credential: Credential): string | null {
  if (credential.kind === 'token' && credential.token) return fingerprint('token', Buffer.from(credential.token, 'utf8'));
  const pem = credential.kind === 'certificate' && credential.pem ? firstCertificate(credential.pem) : null;
  if (!pem) return null;
  try {
    return fingerprint('certificate', new X509Certificate(pem).raw);
  } catch {
    return null;
  }
}

/** The identity of a resolved connection: its server and its credential's kind, source and fingerprint. */
export function connectionIdentity(connection: Connection): ConnectionIdentity {
  const { kind, source } = connection.credential;
  return { server: `${connection.baseUrl}/${connection.apiVersion}`, credential: { kind, source, fingerprint: credentialFingerprint(connection.credential) } };
}

/**
 * The identity a command (or the dashboard) would connect with, resolved as it would be (flags > env > config >
 * canfar config); null when that fails: then it cannot show it is the daemon's user.
 */
export async function resolveIdentity(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Promise<ConnectionIdentity | null> {
  try {
    return connectionIdentity(await resolveConnection(flags, { env }));
  } catch {
    return null;
  }
}
