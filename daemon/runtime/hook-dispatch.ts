import type { Logger } from '../../src/ports/logger.js';
import type { DaemonEvent } from '../../src/state/events.js';
import { runHooks, type HookConfig, type HookEvent } from '../notify/hook-runner.js';

/** What a hook receives on stdin: the whole event plus the fields its environment carries. */
export type HookPayload = HookEvent & Record<string, unknown>;

/** Pure: the hook payload of a daemon event (kind is the event type; session fields when there is a session). */
export function hookPayload(event: DaemonEvent): HookPayload {
  const payload: HookPayload = { ...event, kind: event.type };
  if ('session' in event) {
    payload.sessionId = event.session.id;
    payload.sessionName = event.session.name;
    payload.status = event.session.status;
  }
  return payload;
}

/** Runs the configured hooks in the background and remembers the runs in flight (for shutdown). */
export class HookDispatcher {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly hooks: () => readonly HookConfig[],
    private readonly logger: Logger,
  ) {}

  /** Starts every hook that wants each payload; never waits, never throws. */
  run(payloads: readonly HookPayload[]): void {
    const hooks = this.hooks();
    if (hooks.length === 0) return;
    for (const payload of payloads) {
      const job = runHooks(hooks, payload, this.logger).catch((error: unknown) => {
        this.logger.warn('running hooks failed', { kind: payload.kind, error: error instanceof Error ? error.message : String(error) });
      });
      this.running.add(job);
      void job.finally(() => this.running.delete(job));
    }
  }

  /** Resolves when the hooks in flight finished, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<void> {
    if (this.running.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all([...this.running]), timeout]);
    clearTimeout(timer);
  }
}
