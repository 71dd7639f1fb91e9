import type { Session } from '../../src/domain/session.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { RenewCheck } from '../../src/state/insight.js';
import type { Notification } from '../../src/state/state.js';
import { formatClockDay } from '../../src/cli/format.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { sessionsToRenew } from '../poll/auto-renew.js';
import type { HookPayload } from './hook-dispatch.js';
import type { StateRuntime } from './state-runtime.js';

/** What auto-renew needs. */
export interface AutoRenewerDeps {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  config: () => DaemonConfig;
  /** Renews the ids and checks each expiry by reading the sessions again (renewAndCheck). */
  renew: (ids: readonly string[]) => Promise<BulkResult[]>;
}

/** Pure: the notification and hook payload for one auto-renew and how it went. */
export function renewReport(session: Session, result: BulkResult): { notification: Notification; hook: HookPayload } {
  const check: RenewCheck | undefined = result.check;
  const renewed = result.ok && (check === undefined || check.outcome === 'renewed');
  const base = { sessionId: session.id, sessionName: session.name, status: session.status, session };
  if (renewed) {
    const until = check?.expiresAt ? ` until ${formatClockDay(check.expiresAt)}` : '';
    return {
      notification: {
        key: `renewed:${session.id}:${session.expiresAt}`,
        title: `Session ${session.name} renewed${until}`,
        body: `auto-renew rule matched; it was due to expire at ${session.expiresAt}`,
        urgency: 'low',
      },
      hook: { kind: 'session:renewed', ...base, outcome: 'renewed', expiresAt: check?.expiresAt ?? null },
    };
  }
  const why = check?.why ?? (result.ok ? 'the expiry did not move' : result.error.message);
  const outcome = check?.outcome ?? (result.ok ? 'not-renewed' : 'failed');
  return {
    notification: {
      key: `renew-failed:${session.id}:${session.expiresAt}`,
      title: `Session ${session.name} was not renewed`,
      body: `auto-renew: ${why}; it expires at ${session.expiresAt}`,
      urgency: 'critical',
    },
    hook: { kind: 'session:renew-failed', ...base, outcome, why },
  };
}

/**
 * Opt-in auto-renew: after each poll, renews the interactive sessions the config's rules pick (all
 * due at once, then one re-read checks every expiry), and reports each: renewed, or not renewed and
 * why, as a notification and to hooks (`session:renewed` / `session:renew-failed`).
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
    const due = sessionsToRenew(sessions, this.deps.config().autoRenew, now, this.lastRenewedAt);
    if (due.length === 0) return;
    for (const session of due) this.lastRenewedAt.set(session.id, now);
    let results: BulkResult[];
    try {
      results = await this.deps.renew(due.map((s) => s.id));
    } catch (error) {
      this.deps.logger.warn('auto-renew failed', { sessions: due.length, error: (error as Error).message });
      return;
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const session of due) {
      const result = byId.get(session.id);
      if (!result) continue;
      const { notification, hook } = renewReport(session, result);
      this.deps.logger[hook.kind === 'session:renewed' ? 'info' : 'warn'](
        hook.kind === 'session:renewed' ? 'auto-renewed a session' : 'auto-renew did not renew a session',
        { session: session.id, outcome: hook.outcome },
      );
      await this.deps.runtime.notifyOnce(notification, hook);
    }
  }
}
