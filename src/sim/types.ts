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

/** How a session's pod goes wrong, as the real platform shows it (skaha-api.md §9.10). */
export const SIM_TROUBLES = ['oom', 'crash-loop', 'image-pull', 'unschedulable'] as const;

/**
 * One trouble: `oom` (memory climbs to the limit, then Failed, no event says why; headless only),
 * `crash-loop` (the container exits 1 and is restarted with BackOff events, then the Job fails),
 * `image-pull` (ErrImagePull/ImagePullBackOff events, stays Pending), `unschedulable`
 * (FailedScheduling "Insufficient memory", stays Pending).
 */
export type SimTrouble = (typeof SIM_TROUBLES)[number];

/** How the server answers a renew of an active session. */
export const RENEW_OUTCOMES = ['ok', 'error', 'ignored'] as const;

/** `ok` renews; `error` answers 500 (skaha 1.4 when patching the Job fails); `ignored` answers 200 and changes nothing (before 1.4). */
export type RenewOutcome = (typeof RENEW_OUTCOMES)[number];

/** One pod of a Job: Kueue admits the Job (the pod is created, the Job's startTime set); a preemption deletes it and queues the Job again. */
export interface SimPod {
  /** When Kueue admitted the Job (simulated epoch ms). */
  admittedAt: number;
  /** The Job's `status.startTime` while this pod lives, whole seconds (reset on every admission). */
  startAt: number;
  /** When the pod is ready (Running); Infinity when it never gets there. */
  readyAt: number;
  /** When Kueue preempted it (the Job is suspended and queued again). */
  preemptedAt?: number;
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
  /** Its pods in order (at least one); the gaps before each admission are time spent queued. */
  pods: SimPod[];
  /** How long the command runs once the container is ready (headless; each attempt of a crash loop); undefined: until the deadline. */
  runMs?: number;
  /** Cores in use while it runs, steady (seeded); undefined: the simulated use that moves with time. */
  cpuInUse?: number;
  /** How a headless command exits. */
  outcome: 'Completed' | 'Failed';
  trouble?: SimTrouble;
  /** Crash loop: the first back-off delay before a restart (it doubles each time). */
  backoffMs: number;
  /** How a renew of this session is answered (a renew fault overrides it). */
  renew: RenewOutcome;
  /** `activeDeadlineSeconds`, counted from the current pod's startAt; renew changes it. */
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
  /** The status it should have now; default Running (Pending for the image-pull, unschedulable and crash-loop troubles). */
  status?: SimStatus;
  /** Seconds since creation. */
  ageSeconds?: number;
  /** Seconds from creation to Running (queued time included). */
  pendingSeconds?: number;
  /** Seconds from creation to Kueue's admission: until then it is Pending with no pod, no startTime and no URL. */
  queuedSeconds?: number;
  /** Headless: seconds from Running to exit; crash-loop: how long each attempt runs. */
  runSeconds?: number;
  /** Sets the deadline so that expiryTime is this many seconds from now. */
  expiresInSeconds?: number;
  /** Completed/Failed: seconds since it finished. */
  finishedSecondsAgo?: number;
  /** Headless still running: how it will exit. */
  outcome?: 'Completed' | 'Failed';
  /** How its pod goes wrong. */
  trouble?: SimTrouble;
  /** Crash-loop: seconds before the first restart (doubling after each crash). */
  backoffSeconds?: number;
  /** How a renew of it is answered (default ok). */
  renew?: RenewOutcome;
  /** Preempt it `inSeconds` from now and queue it again for `queuedSeconds`. */
  preempt?: { inSeconds: number; queuedSeconds: number };
  cores?: number;
  ram?: number;
  gpus?: number;
  /** Cores in use while it runs, steady (an idle notebook: 0.02); default: the simulated use that moves with time. */
  cpuInUse?: number;
  cmd?: string;
  args?: string;
  env?: Record<string, string>;
}
