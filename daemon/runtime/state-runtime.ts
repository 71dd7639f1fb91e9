import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Notifier } from '../../src/ports/notifier.js';
import type { Action } from '../../src/state/actions.js';
import { deriveEvents } from '../../src/state/derive-events.js';
import { reduce, reduceAll } from '../../src/state/reduce.js';
import type { DaemonState, Notification } from '../../src/state/state.js';
import type { DaemonFrame } from '../../src/protocol/codec.js';
import { makeEvent } from '../../src/protocol/messages/event.js';
import { makePatch } from '../../src/protocol/make-patch.js';
import type { Warning } from '../../src/protocol/topics.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { notificationsFor } from '../notify/rules.js';
import type { StateStore } from '../store/state-store.js';
import { boundedWait, eventFrames } from './event-frames.js';
import type { HookDispatcher, HookPayload } from './hook-dispatch.js';

/** What the state runtime talks to. */
export interface StateRuntimeDeps {
  clock: Clock;
  logger: Logger;
  store: StateStore;
  config: () => DaemonConfig;
  notifier: Notifier;
  hooks: HookDispatcher;
  broadcast: (frame: DaemonFrame) => void;
  hasClients: () => boolean;
}

/**
 * Owns the daemon state: every change is an action through the pure reducer. After each change it
 * saves (the store coalesces), patches clients, and reports new events: the emitted keys are
 * flushed to disk *before* anything is shown, so a restart (even after kill -9) never reports twice.
 */
export class StateRuntime {
  private current: DaemonState;
  private chain: Promise<void> = Promise.resolve();
  private frozen = false;

  constructor(
    initial: DaemonState,
    private readonly deps: StateRuntimeDeps,
  ) {
    this.current = initial;
  }

  /** The current state. */
  state(): DaemonState {
    return this.current;
  }

  /**
   * Reduces the actions now (the state and clients move at once, in one patch) and reports the events
   * they caused; the promise settles when that report (notifications included) is done, and never
   * rejects. It throws only when the daemon's own bookkeeping fails (reduce, save, broadcast).
   */
  apply(...actions: Action[]): Promise<void> {
    if (this.frozen) return Promise.resolve();
    const prev = this.current;
    let next = reduceAll(prev, actions);
    const now = this.deps.clock.now();
    const settings = this.deps.config().notifications;
    const events = deriveEvents(prev, next, {
      now,
      expiringThresholdsSec: settings.expiringMinutes.map((m) => m * 60),
      credentialThresholdsSec: settings.credentialHours.map((h) => h * 3600),
    });
    if (events.length === 0) {
      this.commit(prev, next);
      return Promise.resolve();
    }
    // Event keys and the notifications they cause are recorded together: one state change, one patch.
    const notifications = notificationsFor(events, settings);
    next = reduce(next, { type: 'events.emitted', keys: events.map((e) => e.key), at: now });
    if (notifications.length > 0) next = reduce(next, { type: 'notifications.sent', notifications, at: now });
    this.commit(prev, next);
    return this.enqueue(async () => {
      await this.persist();
      for (const frame of eventFrames(events)) this.deps.broadcast(frame);
      await this.deliver(notifications, now);
      this.deps.hooks.runEvents(events);
    });
  }

  /** Shows a notification that has no daemon event behind it (an auto-renewal), once per key. */
  notifyOnce(notification: Notification, hook: HookPayload): Promise<void> {
    if (this.frozen || Object.hasOwn(this.current.emitted, notification.key)) return Promise.resolve();
    const at = this.deps.clock.now();
    const quiet = this.deps.config().notifications.quiet;
    const shown = quiet ? [] : [notification];
    const emitted = reduce(this.current, { type: 'events.emitted', keys: [notification.key], at });
    this.commit(this.current, quiet ? emitted : reduce(emitted, { type: 'notifications.sent', notifications: shown, at }));
    return this.enqueue(async () => {
      await this.persist();
      await this.deliver(shown, at);
      this.deps.hooks.run([hook]);
    });
  }

  /** Pushes a `warning` event to every client. */
  warn(warning: Warning): void {
    this.deps.broadcast(makeEvent('warning', warning));
  }

  /** Stops taking actions (shutdown); reports already queued still finish. */
  freeze(): void {
    this.frozen = true;
  }

  /** Resolves when queued reports are done, or after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<void> {
    await boundedWait(this.chain, timeoutMs);
  }

  private commit(prev: DaemonState, next: DaemonState): void {
    this.current = next;
    this.deps.store.save(next);
    if (!this.deps.hasClients()) return;
    const patch = makePatch(prev, next);
    if (patch) this.deps.broadcast(makeEvent('state:patch', patch));
    if (prev.health.state !== next.health.state) this.deps.broadcast(makeEvent('health:changed', next.health));
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.chain.then(job).catch((error: unknown) => {
      this.deps.logger.error('reporting events failed', { error: error instanceof Error ? error.message : String(error) });
    });
    this.chain = run;
    return run;
  }

  private async persist(): Promise<void> {
    try {
      await this.deps.store.flush();
    } catch (error) {
      // Going silent on a full disk would be worse than a possible repeat after a restart.
      this.deps.logger.error('could not persist reported event keys; notifying anyway', { error: (error as Error).message });
    }
  }

  /** Shows notifications already recorded in the state: the desktop (when on) and every client. */
  private async deliver(notifications: readonly Notification[], at: number): Promise<void> {
    for (const notification of notifications) {
      const { desktop, quiet } = this.deps.config().notifications;
      if (desktop && !quiet) {
        await this.deps.notifier.notify({ title: notification.title, body: notification.body, urgency: notification.urgency });
      }
      this.deps.broadcast(makeEvent('notification', { ...notification, at }));
      this.deps.logger.info('notified', { key: notification.key, title: notification.title });
    }
  }
}
