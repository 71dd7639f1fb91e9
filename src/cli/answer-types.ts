// What skaha-tui answers about a session: why it waits (and how long it may), why it failed, how its renew went.

import type { FailureInfo, PendingCode, RenewCheck } from '../state/insight.js';
import type { WaitEstimate } from '../state/wait-estimate.js';

/** Why a session is Pending, as the CLI shows it. */
export interface PendingAnswer {
  code: PendingCode;
  reason: string;
  /** When it became Pending (epoch ms), or null when unknown (no daemon watched it). */
  since: number | null;
  /** False when it has waited at least since `since` (the daemon first saw it already waiting). */
  exact: boolean;
  detail: string | null;
  /** The remaining wait from the user's past waits, or null without a daemon. */
  estimate: WaitEstimate | null;
}

/** Everything the CLI says about one session beyond the listing. */
export interface SessionAnswer {
  pending: PendingAnswer | null;
  failure: FailureInfo | null;
  renew: RenewCheck | null;
}

/** Answers for the sessions of a listing, by id. */
export type Answers = ReadonlyMap<string, SessionAnswer>;
