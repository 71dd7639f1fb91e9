import { AppError, toAppError } from '../../src/domain/errors.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SkahaApi } from '../../src/ports/skaha-api.js';
import type { CredentialStatus } from '../../src/state/state.js';
import type { ConnectionIdentity } from '../../src/domain/connection-identity.js';

/** A live connection to Skaha as the daemon uses it; nothing here is ever serialised. */
export interface Connected {
  api: SkahaApi;
  /** The credential in use, without the secret; null when unknown. */
  credentials: CredentialStatus | null;
  /** The server and credential fingerprint told to clients in the welcome; null when unknown. */
  identity: ConnectionIdentity | null;
  /** Files whose change means "connect again" (the certificate, a token file). */
  watchFiles: string[];
  /** Values no log line may show (token, registry secret, key lines). */
  secrets: string[];
  /** The most requests one bulk operation runs at once. */
  concurrency: number;
  /** Releases the connection (aborts requests in flight). */
  close?: () => Promise<void>;
  /** Registers who hears about a credential that renews itself (an OIDC login being refreshed). */
  subscribe?: (listener: (news: CredentialNews) => void) => void;
  /** Whether a watched file's change is one this connection made or already knows (no reconnect needed). */
  ownsChange?: (file: string) => Promise<boolean>;
}

/** What a self-renewing credential reports: new tokens are in use, or the login behind them has expired. */
export type CredentialNews =
  | { type: 'renewed' }
  /** `login` is a short one-way fingerprint of the refused login, so it is reported once (also across restarts). */
  | { type: 'login-expired'; message: string; login: string };

/** Marks a connect failure with the files whose change may fix it (e.g. an expired certificate), so they are watched. */
export function failureWatching(error: unknown, files: readonly string[]): unknown {
  if (files.length > 0 && error !== null && typeof error === 'object') {
    Object.defineProperty(error, 'watchFiles', { value: [...files], enumerable: false, configurable: true });
  }
  return error;
}

/** Builds a Connected from the current settings (flags, env, config file); rejects with an AppError. */
export type Connector = () => Promise<Connected>;

/**
 * Holds the current Skaha connection and rebuilds it on demand. While no connection can be made
 * (missing or expired credentials), `api()` throws that error, so polls fail with it and health shows it.
 */
export class ApiHolder {
  private current: Connected | null = null;
  private readonly seenSecrets = new Set<string>();
  private failure: AppError = new AppError('DAEMON_UNAVAILABLE', 'the daemon has not connected to Skaha yet');
  private lastFiles: string[] = [];

  constructor(
    private readonly connector: Connector,
    private readonly logger: Logger,
    /** Hears the current connection's credential news. */
    private readonly onNews: (news: CredentialNews) => void = () => undefined,
  ) {}

  /**
   * Connects (again). On failure the previous connection is kept only when the failure is a
   * CONFIG_ERROR (a bad edit must not cut a working daemon off); the error is returned, never thrown.
   */
  async connect(): Promise<AppError | null> {
    let next: Connected;
    try {
      next = await this.connector();
    } catch (error) {
      const failure = toAppError(error);
      const files = (error as { watchFiles?: unknown } | null)?.watchFiles;
      // Keep watching what the last connection used (a renewal may first fail half-written) and what the failure names.
      if (Array.isArray(files)) this.lastFiles = [...new Set([...this.lastFiles, ...(files as string[])])];
      this.logger.warn('cannot connect to Skaha', { code: failure.code, error: failure.message });
      if (failure.code === 'CONFIG_ERROR' && this.current) return failure;
      await this.release(this.current);
      this.current = null;
      this.failure = failure;
      return failure;
    }
    const previous = this.current;
    this.current = next;
    this.lastFiles = next.watchFiles;
    for (const secret of next.secrets) this.seenSecrets.add(secret);
    next.subscribe?.((news) => {
      if (this.current === next) this.onNews(news);
    });
    await this.release(previous);
    this.logger.info('connected to Skaha', { credential: next.credentials?.kind ?? 'none', expiresAt: next.credentials?.expiresAt ?? null });
    return null;
  }

  /** The API to call; throws the connection failure while there is none. */
  api(): SkahaApi {
    if (!this.current) throw this.failure;
    return this.current.api;
  }

  /** The credential status to record (kind none when not connected). */
  credentials(): CredentialStatus | null {
    return this.current?.credentials ?? null;
  }

  /** The identity of the current connection (null while there is none). */
  identity(): ConnectionIdentity | null {
    return this.current?.identity ?? null;
  }

  /** Files to watch for credential changes (while not connected: those of the last connection and of the failure). */
  watchFiles(): string[] {
    return this.current?.watchFiles ?? this.lastFiles;
  }

  /** Whether a changed file holds nothing new for the current connection (e.g. tokens it wrote itself). */
  async ownsChange(file: string): Promise<boolean> {
    try {
      return (await this.current?.ownsChange?.(file)) ?? false;
    } catch {
      return false;
    }
  }

  /** Secrets the logger must scrub: those of every connection made so far (an old one may still echo). */
  secrets(): string[] {
    return [...this.seenSecrets];
  }

  /** The bulk concurrency limit. */
  concurrency(): number {
    return this.current?.concurrency ?? 8;
  }

  /** Closes the connection (requests in flight are aborted). */
  async close(): Promise<void> {
    const previous = this.current;
    this.current = null;
    this.failure = new AppError('DAEMON_UNAVAILABLE', 'the daemon is shutting down');
    await this.release(previous);
  }

  private async release(connected: Connected | null): Promise<void> {
    try {
      await connected?.close?.();
    } catch (error) {
      this.logger.debug('closing the old connection failed', { error: (error as Error).message });
    }
  }
}
