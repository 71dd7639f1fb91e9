import { preemptJob } from './lifecycle.js';
import { checkSeconds } from './seconds.js';
import { defaultPendingMs } from './session-factory.js';
import type { SimSession } from './types.js';
import type { SimWorld } from './world.js';

/**
 * Preempts a Job at simulated time `at`: Kueue suspends it (the pod is deleted, status Pending with no
 * startTime) and admits it again `queuedMs` later; the new pod is ready a few seconds after that.
 * Throws a RangeError when the Job has no active pod then.
 */
export function preemptAt(world: SimWorld, s: SimSession, at: number, queuedMs: number): void {
  const pendingMs = defaultPendingMs(world, s.id, `requeue-${s.pods.length}`);
  preemptJob(s, at, queuedMs, pendingMs, world.scaled(1));
}

/** Preempts session `id` (any user's) now, queueing it for `queuedSeconds` clock seconds. Throws a RangeError saying why it cannot. */
export function preemptSession(world: SimWorld, id: string, queuedSeconds: unknown): void {
  const live = world.store.live().find((l) => l.session.id === id && l.session.appId === undefined);
  if (!live) throw new RangeError(`no session ${id}: GET /_sim/sessions lists them`);
  preemptAt(world, live.session, world.now(), checkSeconds(queuedSeconds, 'queuedSeconds') * 1000);
}
