import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError, toAppError } from '../../src/domain/errors.js';
import type { OidcLogin, OidcTokens } from '../../src/config/oidc/oidc-login.js';
import { refreshGrant } from '../../src/client/refresh-grant.js';
import { LOGIN_EXPIRED_MESSAGE } from '../../src/config/oidc/refresh-grant-request.js';
import { refreshLogin, type RefreshLoginDeps, type RefreshOutcome } from '../../src/config/oidc/refresh-login.js';
import { lifetimeStart, refreshPoint } from '../../src/config/oidc/refresh-point.js';
import type { Clock, TimerHandle } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { CredentialStatus } from '../../src/state/state.js';
import type { CredentialNews } from './api-holder.js';

const RETRY_FIRST_MS = 5_000;
const RETRY_CAP_MS = 5 * 60_000;
// The shortest gap between two scheduled refreshes, whatever lifetime the provider claims.
const MIN_GAP_MS = 1_000;

/** What the refresher needs; `refresh` (and its grant and lock) are injectable for tests. */
export interface TokenRefresherDeps {
  clock: Clock;
  logger: Logger;
  login: OidcLogin;
  /** The canfar config's text the login was read from (a change to anything else means "reconnect"). */
  text: string;
  /** Called with each new secret (access and refresh token), so logs can scrub it. */
  onSecret?: (secret: string) => void;
  refresh?: typeof refreshLogin;
  grant?: RefreshLoginDeps['grant'];
  lock?: RefreshLoginDeps['lock'];
}

/**
 * Keeps the access token of a canfar-config OIDC login fresh: refreshes at 80 % of its lifetime and
 * at once after a 401 (at most once per token), writes the new tokens back through refreshLogin,
 * retries transient failures with back-off, and stops for good when the provider refuses the login.
 */
export class TokenRefresher {
  private tokens: OidcTokens;
  private obtainedAt: number;
  private state: 'active' | 'login-expired' = 'active';
  private timer: TimerHandle | null = null;
  private inflight: Promise<void> | null = null;
  private failures = 0;
  private lastFailure: AppError | null = null;
  private refreshedAfter401: string | null = null;
  private lastRefreshAt: number | null = null;
  private knownText: string;
  private listener: (news: CredentialNews) => void = () => undefined;
  private closed = false;

  constructor(private readonly deps: TokenRefresherDeps) {
    this.tokens = deps.login.tokens;
    this.knownText = deps.text;
    this.obtainedAt = this.startOf(this.tokens);
  }

  /** Schedules the first refresh (at once when the token is already past its refresh point). */
  start(): void {
    this.schedule();
  }

  /** The access token to send now. */
  accessToken(): string {
    return this.tokens.access;
  }

  /** The credential status to record: the access token's expiry and how the login stands (no secret). */
  status(): CredentialStatus {
    return {
      kind: 'token',
      source: 'canfar-config',
      expiresAt: iso(this.tokens.accessExpiresAt),
      refresh: { state: this.state, loginExpiresAt: iso(this.tokens.refreshExpiresAt) },
    };
  }

  /** Registers the one listener for renewals and an expired login. */
  subscribe(listener: (news: CredentialNews) => void): void {
    this.listener = listener;
  }

  /**
   * After a 401 sent with `used`: true when a newer token is there to retry with (refreshing now if
   * needed); false when a retry is pointless. Throws LOGIN_EXPIRED once the provider refused the login,
   * or the refresh failure when refreshing failed.
   */
  async onUnauthorized(used: string): Promise<boolean> {
    if (this.closed) return false;
    if (this.state === 'login-expired') throw loginExpired();
    if (used !== this.tokens.access) return true;
    // A token fresh from a 401-triggered refresh, refused before its refresh point: the server refuses us, not the token's age.
    if (used === this.refreshedAfter401 && !this.isDue(this.tokens)) return false;
    await this.refreshNow((tokens) => tokens.access === used);
    if (this.status().refresh?.state === 'login-expired') throw loginExpired();
    // The refresh failed: say why (the provider is unreachable…) rather than "Skaha refused the token".
    if (this.tokens.access === used) {
      if (this.lastFailure && !this.closed) throw this.lastFailure;
      return false;
    }
    this.refreshedAfter401 = this.tokens.access;
    return true;
  }

  /** Whether the file now holds exactly what this refresher wrote or was built from. */
  async ownsChange(file: string): Promise<boolean> {
    if (resolve(file) !== resolve(this.deps.login.file)) return false;
    const text = await readFile(file, 'utf8').catch(() => null);
    return text === this.knownText;
  }

  /** Refreshes now (joining a refresh in flight); never rejects. Exposed for tests. */
  refreshNow(due: (tokens: OidcTokens) => boolean = (tokens) => this.isDue(tokens)): Promise<void> {
    this.inflight ??= this.run(due).finally(() => (this.inflight = null));
    return this.inflight;
  }

  /** Resolves when no refresh is in flight. */
  async idle(): Promise<void> {
    while (this.inflight) await this.inflight;
  }

  /** Stops scheduling; a refresh in flight finishes but its result is ignored. */
  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  private async run(due: (tokens: OidcTokens) => boolean): Promise<void> {
    const { clock, logger, login } = this.deps;
    let outcome: RefreshOutcome;
    try {
      const deps = { now: () => clock.now(), grant: this.deps.grant ?? refreshGrant, lock: this.deps.lock };
      outcome = await (this.deps.refresh ?? refreshLogin)(login, this.tokens, due, deps);
    } catch (error) {
      if (this.closed) return;
      const failure = toAppError(error);
      if (failure.code === 'LOGIN_EXPIRED') {
        this.state = 'login-expired';
        this.clearTimer();
        logger.warn('the OIDC login was refused; refreshing stops until the canfar config changes', { error: failure.message });
        const login = createHash('sha256').update(this.tokens.refresh).digest('hex').slice(0, 12);
        this.listener({ type: 'login-expired', message: LOGIN_EXPIRED_MESSAGE, login });
        return;
      }
      this.failures++;
      this.lastFailure = failure;
      logger.warn('refreshing the OIDC access token failed', { code: failure.code, error: failure.message, failures: this.failures });
      this.schedule();
      return;
    }
    if (this.closed) return;
    this.tokens = outcome.tokens;
    this.obtainedAt = this.startOf(outcome.tokens);
    this.lastRefreshAt = clock.now();
    this.failures = 0;
    this.lastFailure = null;
    if (outcome.kind === 'refreshed') this.knownText = outcome.text;
    this.deps.onSecret?.(outcome.tokens.access);
    this.deps.onSecret?.(outcome.tokens.refresh);
    logger.info(outcome.kind === 'refreshed' ? 'refreshed the OIDC access token' : 'took newer OIDC tokens from the canfar config', {
      expiresAt: iso(outcome.tokens.accessExpiresAt),
    });
    this.listener({ type: 'renewed' });
    this.schedule();
  }

  private isDue(tokens: OidcTokens): boolean {
    const at = this.dueAt(tokens);
    return at !== null && at <= this.deps.clock.now();
  }

  private dueAt(tokens: OidcTokens): number | null {
    return refreshPoint(tokens, tokens === this.tokens ? this.obtainedAt : this.startOf(tokens));
  }

  private startOf(tokens: OidcTokens): number {
    return lifetimeStart(tokens, this.deps.clock.now());
  }

  private schedule(): void {
    this.clearTimer();
    if (this.closed || this.state !== 'active') return;
    const now = this.deps.clock.now();
    const due = this.dueAt(this.tokens);
    let delay: number;
    if (this.failures > 0) delay = Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** (this.failures - 1));
    else if (due === null)
      return; // no known expiry: only a 401 triggers a refresh
    // A provider handing out (nearly) expired tokens must not turn this into a tight refresh loop.
    else delay = Math.max(due - now, this.lastRefreshAt === null ? 0 : this.lastRefreshAt + MIN_GAP_MS - now);
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      void this.refreshNow();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

function loginExpired(): AppError {
  return new AppError('LOGIN_EXPIRED', LOGIN_EXPIRED_MESSAGE);
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
