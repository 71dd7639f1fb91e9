import type { ContractBackend } from './contract-suite.js';

/** Timings every platform backend's scenarios follow, in seconds of the backend's own clock. */
export const TIMINGS = {
  /** A queued job has no pod this long after it is seeded… */
  queuedSeconds: 120,
  /** …then its pod pulls the image this long before it runs (also the longest wait of a pod after a preemption). */
  podPendingSeconds: 20,
  /** A running job is preempted this long after it is seeded… */
  preemptInSeconds: 60,
  /** …and waits this long in the queue again. */
  requeuedSeconds: 90,
  /** A job killed for memory runs this long (its memory reaches its limit during the last fifth). */
  oomRunSeconds: 100,
  /** A crash-looping job has failed this long after it is seeded. */
  crashLoopFailedBySeconds: 200,
  /** An expiring notebook expires this long after it is seeded. */
  expiresInSeconds: 60,
  /** Renewable notebooks expire this long after they are seeded. */
  renewableExpiresInSeconds: 600,
  /** How long a stats snapshot is kept by the metrics backend. */
  statsPeriodSeconds: 300,
} as const;

/** The sessions a platform backend can seed, each in the first state of its story. */
export const SCENARIOS = [
  'queued',
  'preempted',
  'oom',
  'crash-loop',
  'image-pull',
  'unschedulable',
  'expiring',
  'renew-ok',
  'renew-error',
  'renew-ignored',
  'renew-headless',
  'renew-not-needed',
  'desktop',
] as const;

/** One scenario. */
export type Scenario = (typeof SCENARIOS)[number];

/** A backend that can also play the real platform's behaviours (skaha-api.md §9) on a clock it controls. */
export interface PlatformBackend extends ContractBackend {
  /** Seeds a session of the backend's user in the scenario's first state; returns its id. */
  seed(scenario: Scenario): Promise<string>;
  /** Moves the backend's clock forward. */
  advance(seconds: number): Promise<void>;
  /** Takes the metrics backend down (stats answer 503) or brings it back. */
  setMetricsDown(down: boolean): Promise<void>;
  /** How many times the stats view was read. */
  statsReads(): number;
}
