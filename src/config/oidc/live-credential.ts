import type { Credential } from '../connection.js';

/** Whatever holds the current access token of a login that refreshes itself. */
export interface TokenHolder {
  accessToken(): string;
  /** The current token's expiry as ISO-8601, null when unknown. */
  expiresAt(): string | null;
}

/**
 * A canfar-config token credential that always holds the holder's current token and expiry: requests
 * read the newest token, and the token is a non-enumerable getter, so serialising never shows it.
 */
export function liveTokenCredential(holder: TokenHolder): Credential {
  const credential = { kind: 'token', source: 'canfar-config' } as Credential;
  Object.defineProperty(credential, 'expiresAt', { get: () => holder.expiresAt(), enumerable: true });
  Object.defineProperty(credential, 'token', { get: () => holder.accessToken(), enumerable: false });
  return credential;
}
