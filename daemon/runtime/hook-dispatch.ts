import type { Logger } from '../../src/ports/logger.js';
import type { DaemonEvent } from '../../src/state/events.js';
import { hookWants, runHook, type HookConfig, type HookEvent } from '../notify/hook-runner.js';
import { DEFAULT_HOOK_QUEUE, HookQueue, type HookQueueLimits } from '../notify/hook-queue.js';

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
  // The failure cause as fields of their own, so a hook needs no parsing.
  if ((event.type === 'job:finished' || event.type === 'session:status-changed') && event.failure) {
    payload.cause = event.failure.cause;
    payload.causeInferred = event.failure.inferred;
  }
  return payload;
}

/** Runs the configured hooks in the background through a bounded queue (see HookQueue); overflow is logged, once per batch. */
export class HookDispatcher {
  private readonly queue: HookQueue;

  constructor(
    private readonly hooks: () => readonly HookConfig[],
    private readonly logger: Logger,
    limits: () => HookQueueLimits = () => DEFAULT_HOOK_QUEUE,
  ) {
    this.queue = new HookQueue(limits);
  }

  /** Queues every hook that wants each event (payloads are built only when some hook is configured). */
  runEvents(events: readonly DaemonEvent[]): void {
    if (this.hooks().length > 0) this.run(events.map(hookPayload));
  }

  /** Queues every hook that wants each payload; never waits, never throws. */
  run(payloads: readonly HookPayload[]): void {
    const hooks = this.hooks();
    if (hooks.length === 0) return;
    const dropped = new Map<string, number>();
    for (const payload of payloads) {
      for (const hook of hooks) {
        if (!hookWants(hook, payload.kind)) continue;
        if (this.queue.push(() => runHook(hook, payload, this.logger))) continue;
        dropped.set(payload.kind, (dropped.get(payload.kind) ?? 0) + 1);
      }
    }
    if (dropped.size === 0) return;
    const total = [...dropped.values()].reduce((a, b) => a + b, 0);
    this.logger.warn(`hook queue full: ${total} hook runs were dropped`, { ...this.queue.size, dropped: Object.fromEntries(dropped) });
  }

  /** Resolves when the hooks running and queued finished, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([this.queue.idle(), timeout]);
    clearTimeout(timer);
  }
}
