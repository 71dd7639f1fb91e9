// A command run without the daemon keeps the canfar config's OIDC login alive itself, as the official client does.

import { canfarConfigPath } from '../canfar-config.js';
import type { Connection } from '../connection.js';
import { tokenCredential } from '../credentials.js';
import { liveTokenCredential } from './live-credential.js';
import { readOidcLogin, type OidcLogin, type OidcTokens } from './oidc-login.js';
import { refreshDue } from './refresh-point.js';
import { refreshLogin, type RefreshLoginDeps } from './refresh-login.js';

/** What a command's login needs: the refresh deps, and who hears of each new secret (for redaction). */
export interface CommandLoginDeps extends RefreshLoginDeps {
  onSecret?: (secret: string) => void;
}

/** A command's connection over a canfar-config OIDC login: its token follows every refresh. */
export interface CommandLoginConnection {
  connection: Connection;
  login: CommandLogin;
  /** How the token was got at the start: refreshed, newer ones found in the file, or used as it was. */
  start: 'refreshed' | 'adopted' | 'as-is';
}

/**
 * The login behind one command's requests: refreshed at most once per token, on demand (at the start
 * when past its refresh point, and after Skaha answers 401), under the file's lock and written back
 * as the daemon writes it. No timers: a command that waits for hours refreshes when it needs to.
 */
export class CommandLogin {
  constructor(
    private tokens: OidcTokens,
    private readonly login: OidcLogin,
    private readonly deps: CommandLoginDeps,
  ) {}

  /** The access token to send now. */
  accessToken(): string {
    return this.tokens.access;
  }

  /** The access token's expiry in epoch ms, null when unknown. */
  expiresAtMs(): number | null {
    return this.tokens.accessExpiresAt;
  }

  /** The access token's expiry as ISO-8601, null when unknown. */
  expiresAt(): string | null {
    return this.tokens.accessExpiresAt === null ? null : new Date(this.tokens.accessExpiresAt).toISOString();
  }

  /** After a 401 sent with `used`: refreshes (or takes newer tokens from the file); true when there is a newer token to retry with. */
  async onUnauthorized(used: string): Promise<boolean> {
    if (used !== this.tokens.access) return true;
    await this.refresh((tokens) => tokens.access === used);
    return this.tokens.access !== used;
  }

  /** Refreshes when `due` says so, else takes newer tokens from the file; says which happened. */
  async refresh(due: (tokens: OidcTokens) => boolean): Promise<'refreshed' | 'adopted'> {
    const outcome = await refreshLogin(this.login, this.tokens, due, this.deps);
    this.tokens = outcome.tokens;
    this.deps.onSecret?.(outcome.tokens.access);
    this.deps.onSecret?.(outcome.tokens.refresh);
    return outcome.kind;
  }
}

/**
 * For one command: when `connection` (resolved leniently) sends the access token of the canfar
 * config's OIDC login, a connection whose token the returned login keeps fresh; the token is
 * refreshed first when at or past its refresh point. Null for any other credential. Throws
 * LOGIN_EXPIRED when the provider refuses the login, and the refresh failure when the token has
 * already expired; a failed refresh of a token that still works keeps it.
 */
export async function openCommandLogin(connection: Connection, homeDir: string, deps: CommandLoginDeps): Promise<CommandLoginConnection | null> {
  const resolved = connection.credential;
  if (resolved.kind !== 'token' || resolved.source !== 'canfar-config') return null;
  const read = await readOidcLogin(canfarConfigPath(homeDir)).catch(() => null);
  const file = read?.login;
  if (!file || file.tokens.access !== resolved.token) return null;
  const login = new CommandLogin(file.tokens, file, deps);
  let start: CommandLoginConnection['start'] = 'as-is';
  if (refreshDue(file.tokens, deps.now())) {
    try {
      start = await login.refresh((tokens) => refreshDue(tokens, deps.now()));
    } catch (error) {
      const expired = file.tokens.accessExpiresAt !== null && file.tokens.accessExpiresAt <= deps.now();
      if (expired || (error as { code?: unknown }).code === 'LOGIN_EXPIRED') throw error;
    }
  }
  // Checked like any token (an expired one from a refresh that "worked" is refused with a clear message).
  tokenCredential(login.accessToken(), { source: 'canfar-config', label: file.file }, { now: deps.now(), knownExpiry: login.expiresAtMs() });
  return { connection: { ...connection, credential: liveTokenCredential(login) }, login, start };
}
