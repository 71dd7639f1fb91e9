// What the daemon works out about a session beyond Skaha's listing: why it waits, why it failed,
// how a renew went. Skaha says only "Pending" or "Failed"; these are the answers a scientist acts on.

/** Why a Pending session waits, as a stable code (the text is in `reason`). */
export type PendingCode =
  'queued' | 'preempted' | 'scheduled' | 'pulling' | 'image-pull' | 'unschedulable' | 'crash-backoff' | 'starting' | 'event' | 'unknown';

/** Why a session is Pending and since when. */
export interface PendingInfo {
  code: PendingCode;
  /** One short line, e.g. "queued — no pod yet (Kueue)". */
  reason: string;
  /** When it became Pending (epoch ms). */
  since: number;
  /** False when the daemon first saw it already Pending (it has waited at least since then). */
  exact: boolean;
  /** True when it went back to Pending after running (a preemption, or a crashed container restarting). */
  requeued: boolean;
  /** The event message behind the reason, or a hint; null when there is nothing more to say. */
  detail: string | null;
}

/** What made a session fail, as a stable code (the text is in `cause`). */
export type FailureCode = 'oom' | 'exit-code' | 'image-pull' | 'back-off' | 'unschedulable' | 'expired' | 'deadline' | 'evicted' | 'unknown';

/** Why a session failed: seen in its events, or inferred by the daemon from what it watched. */
export interface FailureInfo {
  code: FailureCode;
  /** One short line, e.g. "likely out of memory". */
  cause: string;
  /** True when no event said so and the daemon inferred it (memory at its limit, failed at its expiry). */
  inferred: boolean;
  detail: string | null;
}

/** A cause of trouble seen in a session's events while its pod existed (the events go with the pod). */
export interface Clue {
  code: FailureCode;
  cause: string;
  detail: string | null;
  /** When it was seen (epoch ms). */
  at: number;
}

/** How a renew went, checked by reading the session again and comparing its expiry. */
export type RenewOutcome = 'renewed' | 'not-needed' | 'not-renewed' | 'failed';

/** The outcome of one renew. */
export interface RenewCheck {
  outcome: RenewOutcome;
  /** When the check was made (epoch ms). */
  at: number;
  /** The expiry after the renew (ISO-8601), or null when unknown. */
  expiresAt: string | null;
  /** Why, in words: "headless jobs are not renewed …", the server's error text, …; null when renewed. */
  why: string | null;
}

/** A Running session whose CPU use stayed under a threshold: since when, and once long enough, when it was flagged. */
export interface IdleInfo {
  /** When its use dropped under the threshold (epoch ms). */
  since: number;
  /** The threshold, in cores. */
  threshold: number;
  /** When it had been under it long enough to be flagged (and said); null until then. */
  flaggedAt: number | null;
}

/** What the daemon knows about one session beyond the listing; only sessions with something to say have one. */
export interface SessionInsight {
  /** Set while the session is Pending. */
  pending: PendingInfo | null;
  /** Set once it is Failed (or Error). */
  failure: FailureInfo | null;
  /** The strongest cause of trouble its events showed so far (kept while the pod may vanish). */
  clue: Clue | null;
  /** The last renew of it and how it went. */
  renew: RenewCheck | null;
  /** Set while it is Running with its CPU use under the idle threshold. */
  idle: IdleInfo | null;
}

/** One past wait in the queue: how long a session of this kind and size was Pending before it ran. */
export interface WaitRecord {
  kind: string;
  /** Requested cores and RAM (decimal GB); null for flexible sessions. */
  cores: number | null;
  ramGB: number | null;
  waitedMs: number;
  /** When it started to run (epoch ms). */
  at: number;
}

/** How many past waits the state keeps (the oldest go first). */
export const MAX_WAITS = 200;

/** An insight with nothing in it. */
export function emptyInsight(): SessionInsight {
  return { pending: null, failure: null, clue: null, renew: null, idle: null };
}

/** Whether an insight says nothing worth keeping. */
export function isEmptyInsight(insight: SessionInsight): boolean {
  return insight.pending === null && insight.failure === null && insight.clue === null && insight.renew === null && insight.idle === null;
}
