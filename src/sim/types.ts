/** Session types the simulator knows (`desktop-app` only through the `/app` sub-resource). */
export const SIM_KINDS = ['notebook', 'desktop', 'carta', 'contributed', 'firefly', 'headless', 'desktop-app'] as const;

/** One session type. */
export type SimKind = (typeof SIM_KINDS)[number];

/** Statuses the simulated server reports (v1 Job-based derivation). */
export type SimStatus = 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminating';

/** The resources a session's pod asks for; RAM in GiB, CPU in cores. */
export interface SimResources {
  cpuRequest: number;
  cpuLimit: number;
  ramRequestGiB: number;
  ramLimitGiB: number;
  gpus: number;
  /** True when the memory request equals the limit (label `canfar.net/flavor=fixed`). */
  fixed: boolean;
}

/**
 * One simulated Job. Only the plan is stored (times in simulated epoch ms); status, usage, logs and
 * events are computed from the clock, so a fake clock moves everything.
 */
export interface SimSession {
  id: string;
  /** 3-character app id, for desktop-apps only. */
  appId?: string;
  user: string;
  kind: SimKind;
  name: string;
  image: string;
  createdAt: number;
  /** The Job's `status.startTime`, whole seconds. */
  startAt: number;
  /** When the pod becomes ready (Running). */
  readyAt: number;
  /** Headless only: when the command exits. */
  runEndAt?: number;
  /** How a headless command exits. */
  outcome: 'Completed' | 'Failed';
  /** `activeDeadlineSeconds`, counted from startAt; renew changes it. */
  deadlineSeconds: number;
  /** `ttlSecondsAfterFinished` in ms: how long a finished Job stays listed. */
  ttlMs: number;
  /** How long it shows Terminating after a DELETE while active. */
  terminationMs: number;
  deletedAt?: number;
  /** Set by DELETE on an active session: until then it shows Terminating. */
  terminatingUntil?: number;
  resources: SimResources;
  cmd?: string;
  args?: string[];
  env: Array<[string, string]>;
}

/** A user of the simulator: name plus POSIX ids. */
export interface SimUser {
  name: string;
  uid: number;
  gid: number;
  groups: number[];
}

/** Faults the simulator injects; endpoint keys match exactly, by prefix (`session` covers `session.list`), or `*`. */
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
  /** `view=stats` answers 503. */
  statsUnavailable?: boolean;
  /** Every token is rejected with 401, as if it had expired. */
  expiredToken?: boolean;
  /** Headless jobs created from now on exit with status 1. */
  failJobs?: boolean;
  /** Fraction (0–1) of /skaha requests answered with `flakyStatus`, chosen by the seeded generator. */
  flakyRate?: number;
  /** Status for flaky answers (default 500). */
  flakyStatus?: number;
}

/** What a handler answers; the server applies faults and writes it. */
export interface SimResponse {
  status: number;
  contentType?: string;
  body: string;
  headers?: Record<string, string>;
}

/** One request as the simulator saw it (never with a token or a registry secret). */
export interface SimRequestRecord {
  at: number;
  method: string;
  /** Path and query string. */
  url: string;
  /** Endpoint key, e.g. `session.list`, `session.logs`, `image`. */
  endpoint: string;
  user?: string;
  status?: number;
}

/** A session to pre-create in a given state; times are clock seconds (not divided by speed). */
export interface SeedSessionSpec {
  kind: Exclude<SimKind, 'desktop-app'>;
  /** Owner; default the first user. */
  user?: string;
  name?: string;
  image?: string;
  /** The status it should have now; default Running. */
  status?: SimStatus;
  /** Seconds since creation. */
  ageSeconds?: number;
  /** Seconds from creation to Running. */
  pendingSeconds?: number;
  /** Headless: seconds from Running to exit. */
  runSeconds?: number;
  /** Sets the deadline so that expiryTime is this many seconds from now. */
  expiresInSeconds?: number;
  /** Completed/Failed: seconds since it finished. */
  finishedSecondsAgo?: number;
  /** Headless still running: how it will exit. */
  outcome?: 'Completed' | 'Failed';
  cores?: number;
  ram?: number;
  gpus?: number;
  cmd?: string;
  args?: string;
  env?: Record<string, string>;
}
