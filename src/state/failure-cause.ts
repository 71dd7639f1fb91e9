// Why a session failed (skaha-api.md §9.10): Skaha says only "Failed". Some causes show in the pod's
// events while the pod exists; others the daemon infers from what it watched, and says so.

import type { SessionEvent } from '../domain/platform.js';
import { isInteractiveKind, type Session } from '../domain/session.js';
import { gibToGB } from '../domain/memory.js';
import { eventsInOrder, firstLine } from './event-order.js';
import type { Clue, FailureCode, FailureInfo } from './insight.js';
import { pullProblem } from './pending-reason.js';

/** The words of each cause (one place, so the CLI, the dashboard and the docs agree). */
export const FAILURE_TEXT = {
  oom: 'out of memory',
  likelyOom: 'likely out of memory',
  likelyOomDetail: (used: string, limit: string) => `its memory use reached ${used} of its ${limit} GiB limit just before it failed`,
  exitCode: (code: string) => `exited with code ${code}`,
  imagePull: (what: string) => `image pull failed: ${what}`,
  backOff: 'kept crashing (back-off restarting the container)',
  backoffLimit: 'failed after its retries (backoff limit)',
  unschedulable: 'no node could take it',
  expired: 'expired',
  expiredDetail: 'it reached its expiry time; renew a session before then to keep it',
  deadline: 'reached its deadline',
  evicted: 'evicted',
  unknown: 'cause unknown',
  unknownDetail: 'Skaha does not say why a job failed: read its logs (skaha-tui logs ID)',
} as const;

// The strongest cause first: when several show, the earlier one is the answer.
const RANK: readonly FailureCode[] = ['oom', 'exit-code', 'image-pull', 'back-off', 'unschedulable', 'deadline', 'evicted'];

function clueOf(e: SessionEvent, events: readonly SessionEvent[]): Omit<Clue, 'at'> | null {
  const text = `${e.reason} ${e.message}`;
  const line = firstLine(e.message);
  if (/OOMKill|out of memory|OOM ?killed/i.test(text)) return { code: 'oom', cause: FAILURE_TEXT.oom, detail: line };
  const exit = /exit(?:ed)?(?: with)? code:? (\d+)/i.exec(text);
  if (exit) return { code: 'exit-code', cause: FAILURE_TEXT.exitCode(exit[1]), detail: line };
  if (/ErrImagePull|ImagePullBackOff|^Failed to pull image/.test(e.message))
    return { code: 'image-pull', cause: FAILURE_TEXT.imagePull(pullProblem(events).what), detail: line };
  if (e.reason === 'BackoffLimitExceeded') return { code: 'back-off', cause: FAILURE_TEXT.backoffLimit, detail: line };
  if (e.reason === 'BackOff' && e.message.startsWith('Back-off restarting')) return { code: 'back-off', cause: FAILURE_TEXT.backOff, detail: line };
  if (e.reason === 'FailedScheduling') return { code: 'unschedulable', cause: FAILURE_TEXT.unschedulable, detail: line };
  if (e.reason === 'DeadlineExceeded') return { code: 'deadline', cause: FAILURE_TEXT.deadline, detail: line };
  if (e.reason === 'Evicted') return { code: 'evicted', cause: FAILURE_TEXT.evicted, detail: line };
  return null;
}

// A pull failure followed by a pulled image, or a scheduling failure followed by a placement, was overcome.
const OVERCOME: Partial<Record<FailureCode, (e: SessionEvent) => boolean>> = {
  'image-pull': (e) => e.reason === 'Pulled' || e.reason === 'Started',
  unschedulable: (e) => e.reason === 'Scheduled',
};

/** Pure: the strongest cause of trouble in a session's events (seen at `at`), or null when they show none. */
export function clueFromEvents(events: readonly SessionEvent[], at: number): Clue | null {
  const ordered = eventsInOrder(events);
  let best: Omit<Clue, 'at'> | null = null;
  ordered.forEach(({ event }, i) => {
    const clue = clueOf(event, events);
    if (!clue) return;
    const overcome = OVERCOME[clue.code];
    if (overcome && ordered.slice(i + 1).some((later) => overcome(later.event))) return;
    if (best === null || RANK.indexOf(clue.code) <= RANK.indexOf(best.code)) best = clue;
  });
  return best ? { ...(best as Omit<Clue, 'at'>), at } : null;
}

/** Pure: the stronger of two clues (a later one wins a tie: it is newer). */
export function strongerClue(a: Clue | null, b: Clue | null): Clue | null {
  if (!a || !b) return a ?? b;
  return RANK.indexOf(b.code) <= RANK.indexOf(a.code) ? b : a;
}

/** What the daemon watched of a session before it failed. */
export interface FailureWitness {
  /** The session as it was last seen before it failed (null when first seen already failed). */
  before: Session | null;
  /** Its memory use (decimal GB) in its last samples before it failed, oldest first. */
  recentRamGB: readonly (number | null)[];
  /** The platform's flexible memory limit in GiB (context `defaultLimit`), for sessions without a fixed request. */
  flexibleLimitGiB: number | null;
}

/** How close to its limit memory must come to call a failure "likely out of memory". */
export const OOM_FRACTION = 0.9;

function memoryLimitGB(session: Session, witness: FailureWitness): number | null {
  const fixed = session.ramGB.requested ?? witness.before?.ramGB.requested ?? null;
  if (fixed !== null) return fixed;
  return witness.flexibleLimitGiB === null ? null : gibToGB(witness.flexibleLimitGiB);
}

const gib = (gb: number) => String(Math.round(((gb * 1e9) / 2 ** 30) * 10) / 10);

/**
 * Pure: why `session` failed at `at`. An event that said so wins (`inferred: false`). Otherwise the
 * daemon infers: an interactive session that failed at its expiry time expired; memory use at its
 * limit just before failing is "likely out of memory". Headless jobs never "expire" (their 14-day
 * deadline is not the interactive lifetime).
 */
export function failureOf(session: Session, clue: Clue | null, witness: FailureWitness, at: number): FailureInfo {
  if (clue && clue.code !== 'unschedulable') return { code: clue.code, cause: clue.cause, inferred: false, detail: clue.detail };
  const expires = session.expiresAt === null ? NaN : Date.parse(session.expiresAt);
  if (isInteractiveKind(session.kind) && Number.isFinite(expires) && expires <= at + 60_000) {
    return { code: 'expired', cause: FAILURE_TEXT.expired, inferred: true, detail: FAILURE_TEXT.expiredDetail };
  }
  const limit = memoryLimitGB(session, witness);
  const used = witness.recentRamGB.filter((v): v is number => v !== null);
  const peak = used.length > 0 ? Math.max(...used) : null;
  if (limit !== null && limit > 0 && peak !== null && peak >= OOM_FRACTION * limit) {
    return { code: 'oom', cause: FAILURE_TEXT.likelyOom, inferred: true, detail: FAILURE_TEXT.likelyOomDetail(gib(peak), gib(limit)) };
  }
  if (clue) return { code: clue.code, cause: clue.cause, inferred: false, detail: clue.detail };
  return { code: 'unknown', cause: FAILURE_TEXT.unknown, inferred: false, detail: FAILURE_TEXT.unknownDetail };
}
