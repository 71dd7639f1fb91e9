import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { CredentialStatus } from '../../src/state/state.js';
import { CONNECTION_KEYS, type DaemonConfig } from '../config/daemon-config.js';
import { watchFiles, type StopWatching } from '../config/file-watcher.js';
import { loadDaemonConfig } from '../config/load-daemon-config.js';
import type { ApiHolder } from './api-holder.js';
import type { StateRuntime } from './state-runtime.js';

/** What the config reloader needs. */
export interface ConfigReloaderDeps {
  configFile: string;
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  connection: ApiHolder;
  /** Credential files to watch even before a connection names them (default certificate, canfar config). */
  credentialFiles: string[];
  debounceMs: number;
  /** How often a missing folder of a watched file is looked for. */
  missingDirPollMs: number;
  /** Applies a valid config (cadence, rules, hooks, log level) read from `raw`. */
  applyConfig: (config: DaemonConfig, raw: Record<string, unknown> | null) => void;
  /** Polls now (after a reconnect, or so a new cadence takes effect at once). */
  pollNow: () => void;
}

/** A fingerprint of the connection settings of a config file (hashed: the token may be among them). */
export function connectionFingerprint(raw: Record<string, unknown> | null): string {
  const picked = CONNECTION_KEYS.map((key) => [key, raw?.[key] ?? null]);
  return createHash('sha256').update(JSON.stringify(picked)).digest('hex');
}

/**
 * Watches the config file and the credential files. A valid config applies without a restart;
 * new server or credential settings (or a changed certificate) rebuild the connection and poll at
 * once; an invalid file keeps the previous config and raises a `warning` naming the problem. So
 * does a deleted one: until it is back, the connection it named is kept too (a credential file
 * change waits for it), so a daemon never loses the token of a config that vanished.
 */
export class ConfigReloader {
  private stopWatching: StopWatching | null = null;
  private watched = '';
  private fingerprint: string;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Whether the config file existed when last read (only a file that was there can be deleted). */
  private hadFile = false;
  /** The config file is gone and the last good config is kept. */
  private deleted = false;
  /** A reconnect that waits for the deleted config file to be back. */
  private reconnectLater = false;

  constructor(
    private readonly deps: ConfigReloaderDeps,
    initialRaw: Record<string, unknown> | null,
  ) {
    this.fingerprint = connectionFingerprint(initialRaw);
  }

  /** Starts watching. */
  async start(): Promise<void> {
    this.hadFile = existsSync(this.deps.configFile);
    await this.rewatch();
  }

  /** Stops watching (a reload in flight finishes). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
    await this.stopWatching?.();
    this.stopWatching = null;
  }

  /** Handles changed files as the watcher reports them (serialised; exposed for tests). */
  onChange(changed: readonly string[]): Promise<void> {
    this.queue = this.queue
      .then(() => this.reload(changed))
      .catch((error: unknown) => {
        this.deps.logger.error('config reload failed', { error: error instanceof Error ? error.message : String(error) });
      });
    return this.queue;
  }

  private files(): string[] {
    const all = [this.deps.configFile, ...this.deps.credentialFiles, ...this.deps.connection.watchFiles()];
    return [...new Set(all.map((f) => resolve(f)))].sort();
  }

  private async rewatch(): Promise<void> {
    const files = this.files();
    if (this.stopped || files.join('\n') === this.watched) return;
    await this.stopWatching?.();
    this.watched = files.join('\n');
    this.stopWatching = await watchFiles(files, (changed) => void this.onChange(changed), {
      debounceMs: this.deps.debounceMs,
      missingDirPollMs: this.deps.missingDirPollMs,
      onError: (error) => this.deps.logger.warn('watching the config files failed', { error: error.message }),
    });
  }

  private async reload(changed: readonly string[]): Promise<void> {
    if (this.stopped) return;
    const configFile = resolve(this.deps.configFile);
    let reconnect = false;
    for (const file of changed) {
      // A credential file the connection rewrote itself (refreshed tokens) needs no reconnect.
      if (resolve(file) !== configFile && !(await this.deps.connection.ownsChange(file))) reconnect = true;
    }
    let applied = false;
    if (changed.some((file) => resolve(file) === configFile)) {
      const loaded = await loadDaemonConfig(this.deps.configFile);
      if (loaded.missing && (this.hadFile || this.deleted)) {
        if (!this.deleted)
          this.reject(
            `the config file ${this.deps.configFile} was deleted; the last good config (and its connection) is kept until the file is back — write {} there to use the defaults`,
          );
        this.deleted = true;
      } else if (loaded.problems.length > 0) {
        this.reject(`the config file was refused and the previous config is kept: ${loaded.problems.join('; ')}`);
      } else {
        const fingerprint = connectionFingerprint(loaded.raw);
        reconnect ||= fingerprint !== this.fingerprint || this.reconnectLater;
        this.fingerprint = fingerprint;
        this.hadFile = !loaded.missing;
        this.deleted = false;
        this.reconnectLater = false;
        this.deps.applyConfig(loaded.config, loaded.raw);
        void this.deps.runtime.apply({ type: 'config.changed', at: this.deps.clock.now() });
        this.deps.logger.info('config applied', { file: this.deps.configFile });
        applied = true;
      }
    }
    if (reconnect && this.deleted) {
      // The connector reads the config file: without it the connection would lose its settings.
      this.reconnectLater = true;
      this.deps.logger.warn('a credential file changed while the config file is deleted; reconnecting once it is back');
      reconnect = false;
    }
    if (reconnect) {
      const failure = await this.deps.connection.connect();
      if (failure?.code === 'CONFIG_ERROR') this.reject(`the connection settings were refused and the previous connection is kept: ${failure.message}`);
      void this.deps.runtime.apply({ type: 'credentials.checked', credentials: this.credentialStatus(), at: this.deps.clock.now() });
      await this.rewatch();
    }
    if (reconnect || applied) this.deps.pollNow();
  }

  private credentialStatus(): CredentialStatus {
    return this.deps.connection.credentials() ?? { kind: 'none', source: 'default', expiresAt: null };
  }

  private reject(message: string): void {
    this.deps.logger.warn(message);
    void this.deps.runtime.apply({ type: 'config.rejected', message, at: this.deps.clock.now() });
    this.deps.runtime.warn({ code: 'CONFIG_ERROR', message });
  }
}
