import { preemptAt } from './preempt.js';
import type { SessionPlan } from './session-factory.js';
import type { SimKind, SimSession } from './types.js';
import type { SimWorld } from './world.js';

/** What the platform switches in force give a session launched now: time in the Kueue queue, and a trouble. */
export function launchSwitches(world: SimWorld, kind: SimKind): Pick<SessionPlan, 'queuedMs' | 'trouble'> {
  const { queueSeconds, trouble } = world.faults;
  return {
    queuedMs: queueSeconds ? queueSeconds * 1000 : undefined,
    // interactive sessions restart after an OOM kill instead of failing
    trouble: trouble === 'oom' && kind !== 'headless' ? undefined : trouble,
  };
}

/** Plans the preemption the `preempt` switch asks for, if the session still runs by then. */
export function planSwitchedPreemption(world: SimWorld, s: SimSession): void {
  const preempt = world.faults.preempt;
  const pod = s.pods[0];
  if (preempt === undefined || !Number.isFinite(pod.readyAt)) return;
  try {
    preemptAt(world, s, pod.readyAt + preempt.afterSeconds * 1000, preempt.queuedSeconds * 1000);
  } catch {
    // it finishes before then: there is nothing to preempt
  }
}
