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

  constructor(
    private readonly connector: Connector,
    private readonly logger: Logger,
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
      this.logger.warn('cannot connect to Skaha', { code: failure.code, error: failure.message });
      if (failure.code === 'CONFIG_ERROR' && this.current) return failure;
      await this.release(this.current);
      this.current = null;
      this.failure = failure;
      return failure;
    }
    const previous = this.current;
    this.current = next;
    for (const secret of next.secrets) this.seenSecrets.add(secret);
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

  /** Files to watch for credential changes. */
  watchFiles(): string[] {
    return this.current?.watchFiles ?? [];
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
