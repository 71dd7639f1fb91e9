// A command run without the daemon refreshes the canfar config's OIDC login itself, as the official client does.

import { canfarConfigPath } from '../canfar-config.js';
import type { Connection } from '../connection.js';
import { tokenCredential } from '../credentials.js';
import { readOidcLogin, type OidcTokens } from './oidc-login.js';
import { refreshDue } from './refresh-point.js';
import { refreshLogin, type RefreshLoginDeps } from './refresh-login.js';

/** A connection after refreshCommandLogin: the new access token, and whether a grant was sent (else newer tokens were found in the file). */
export interface RefreshedConnection {
  connection: Connection;
  refreshed: boolean;
}

/**
 * For one command: when `connection` (resolved leniently) sends the access token of the canfar config's
 * OIDC login and that token is at or past its refresh point, refreshes the login once — under the
 * file's lock, written back as the daemon writes it — and returns the connection with the new token.
 * Null when there is nothing to refresh, or when a refresh failed while the token still works (it is
 * used as it is). Throws LOGIN_EXPIRED when the provider refuses the login, and the refresh failure
 * when the token has already expired.
 */
export async function refreshCommandLogin(connection: Connection, homeDir: string, deps: RefreshLoginDeps): Promise<RefreshedConnection | null> {
  const resolved = connection.credential;
  if (resolved.kind !== 'token' || resolved.source !== 'canfar-config') return null;
  const read = await readOidcLogin(canfarConfigPath(homeDir)).catch(() => null);
  const login = read?.login;
  if (!login || login.tokens.access !== resolved.token || !refreshDue(login.tokens, deps.now())) return null;
  let outcome;
  try {
    outcome = await refreshLogin(login, login.tokens, (tokens) => refreshDue(tokens, deps.now()), deps);
  } catch (error) {
    const expired = login.tokens.accessExpiresAt !== null && login.tokens.accessExpiresAt <= deps.now();
    if (expired || (error as { code?: unknown }).code === 'LOGIN_EXPIRED') throw error;
    return null;
  }
  return { connection: { ...connection, credential: liveCredential(outcome.tokens, login.file, deps.now()) }, refreshed: outcome.kind === 'refreshed' };
}

function liveCredential(tokens: OidcTokens, file: string, now: number) {
  return tokenCredential(tokens.access, { source: 'canfar-config', label: file }, { now, knownExpiry: tokens.accessExpiresAt });
}
