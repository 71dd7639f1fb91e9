import { toAppError } from '../../src/domain/errors.js';
import type { Session } from '../../src/domain/session.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { sessionsToRenew } from '../poll/auto-renew.js';
import type { ApiHolder } from './api-holder.js';
import type { StateRuntime } from './state-runtime.js';

/** What auto-renew needs. */
export interface AutoRenewerDeps {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  connection: ApiHolder;
  config: () => DaemonConfig;
}

/**
 * Opt-in auto-renew: after each poll, renews the interactive sessions the config's rules pick,
 * and reports each renewal as a notification (and to hooks as `session:renewed`).
 */
export class AutoRenewer {
  private readonly lastRenewedAt = new Map<string, number>();
  private running: Promise<void> | null = null;

  constructor(private readonly deps: AutoRenewerDeps) {}

  /** Checks the polled sessions; a check still running makes this one a no-op. */
  check(sessions: readonly Session[]): void {
    if (this.running || this.deps.config().autoRenew.length === 0) return;
    this.running = this.renewDue(sessions).finally(() => (this.running = null));
  }

  /** Resolves when no renewal is in flight. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async renewDue(sessions: readonly Session[]): Promise<void> {
    const now = this.deps.clock.now();
    const live = new Set(sessions.map((s) => s.id));
    for (const id of this.lastRenewedAt.keys()) if (!live.has(id)) this.lastRenewedAt.delete(id);
    for (const session of sessionsToRenew(sessions, this.deps.config().autoRenew, now, this.lastRenewedAt)) {
      this.lastRenewedAt.set(session.id, now);
      try {
        await this.deps.connection.api().renewSession(session.id);
      } catch (error) {
        const failure = toAppError(error);
        this.deps.logger.warn('auto-renew failed', { session: session.id, code: failure.code, error: failure.message });
        continue;
      }
      this.deps.logger.info('auto-renewed a session', { session: session.id, name: session.name });
      void this.deps.runtime.apply({ type: 'session.renewed', ids: [session.id], at: this.deps.clock.now() });
      await this.deps.runtime.notifyOnce(
        {
          key: `renewed:${session.id}:${session.expiresAt}`,
          title: `Session ${session.name} renewed`,
          body: `auto-renew rule matched; it was due to expire at ${session.expiresAt}`,
          urgency: 'low',
        },
        { kind: 'session:renewed', sessionId: session.id, sessionName: session.name, status: session.status, session },
      );
    }
  }
}
