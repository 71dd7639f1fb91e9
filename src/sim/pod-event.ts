import type { SimPod, SimSession } from './types.js';

/** One Kubernetes event of a session's pod; `first`/`last` undefined print as `<none>`. */
export interface PodEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** When it appears (simulated epoch ms). */
  at: number;
  first?: number;
  last?: number;
}

/** What the trouble events of a pod are computed from. */
export interface EventContext {
  s: SimSession;
  pod: SimPod;
  now: number;
  seed: number;
  speed: number;
}
