import type { RenewOutcome, SimTrouble } from './types.js';

/** Sessions launched while it is on are preempted `afterSeconds` after they run, then queued again for `queuedSeconds` (clock seconds). */
export interface PreemptSwitch {
  afterSeconds: number;
  queuedSeconds: number;
}

/**
 * Faults the simulator injects and platform behaviours it switches on; endpoint keys match exactly, by
 * prefix (`session` covers `session.list`), or `*`. Durations are clock seconds (not divided by the speed).
 */
export interface SimFaults {
  /** Added delay before every /skaha answer, in ms (on the injected clock). */
  latencyMs?: number;
  /** An error status per endpoint key, e.g. `{"session": 500}`. */
  status?: Record<string, number>;
  /** Endpoint keys that never answer. */
  hang?: string[];
  /** Endpoint keys whose connection is reset. */
  reset?: string[];
  /** Endpoint keys whose JSON answers are cut in half (still a complete HTTP response). */
  malformed?: string[];
  /** Endpoint keys whose answers stop half-way (Content-Length promises more). */
  truncated?: string[];
  /** Endpoint keys that answer with a huge body. */
  huge?: string[];
  /** Size of a huge body in bytes (default 100 MB). */
  hugeBytes?: number;
  /** `view=stats` answers 503 (the metrics backend is down). */
  statsUnavailable?: boolean;
  /** Every token is rejected with 401, as if it had expired. */
  expiredToken?: boolean;
  /** Headless jobs created from now on exit with status 1. */
  failJobs?: boolean;
  /** Headless jobs created from now on whose REPLICA_ID is one of these exit with status 1 (some replicas of a job array fail). */
  failReplicas?: number[];
  /** Fraction (0–1) of /skaha requests answered with `flakyStatus`, chosen by the seeded generator. */
  flakyRate?: number;
  /** Status for flaky answers (default 500). */
  flakyStatus?: number;
  /** Sessions launched from now on wait this long in the Kueue queue (no pod, no startTime, no URL). */
  queueSeconds?: number;
  /** Sessions launched from now on get this trouble (`oom` applies to headless jobs only). */
  trouble?: SimTrouble;
  /** Sessions launched from now on are preempted once, after running a while. */
  preempt?: PreemptSwitch;
  /** Every renew of an active session is answered this way, whatever the session was seeded with. */
  renew?: RenewOutcome;
}
