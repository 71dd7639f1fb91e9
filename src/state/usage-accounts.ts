// Per-session resource accounting that outlives the listing: every poll adds what each Running
// session requested and used since the previous sample, per clock hour for 2 days, then per local
// day (account-days.ts), for 30 days.

import { dictGet, emptyDict, type Dict } from '../domain/dict.js';
import { gbToGiB } from '../domain/memory.js';
import type { Session } from '../domain/session.js';
import { ACCOUNT_KEEP_MS, AccountHours, HOUR_MS, hourOf, zeroAmounts, type Amounts } from './account-hours.js';
import { rollUp } from './account-days.js';

/** A sample stands for at most this long before it: longer gaps (the daemon stopped, polls failed) are not counted beyond it. */
export const MAX_SAMPLE_GAP_MS = 10 * 60_000;

/** The most sessions accounted at once; beyond it, the sessions that left the listing longest ago go first. */
export const MAX_ACCOUNTS = 5_000;

/** What the daemon keeps about one session's use, also after it left the listing. */
export interface UsageAccount {
  name: string;
  kind: string;
  /** The status it had when last listed. */
  status: string;
  /** True for fixed resources, false for flexible (counted by use), null when the server did not say. */
  fixed: boolean | null;
  /** Requested cores, GiB and GPUs, as last listed (null when not given: flexible sessions). */
  cores: number | null;
  ramGiB: number | null;
  gpus: number | null;
  /** When it was first and last counted Running (epoch ms). */
  firstAt: number;
  lastAt: number;
  /** Counted up to here while Running; null while it is not Running (the next sample counts from its start, at most MAX_SAMPLE_GAP_MS back). */
  countedTo: number | null;
  /** When it was last listed (epoch ms). */
  seenAt: number;
  /** True once it left the listing. */
  gone: boolean;
  /** Use per clock hour over the last 2 days. */
  hours: AccountHours;
  /** Use per local day (the daemon's time zone) before that, up to 30 days back. */
  days: AccountHours;
}

const isoTime = (value: string | null): number | null => {
  const t = value === null ? NaN : Date.parse(value);
  return Number.isFinite(t) ? t : null;
};

/** Pure: what a Running session adds for `ms` of running: its requests (its use when flexible), its use, GPUs. */
export function amountsFor(session: Session, ms: number): Amounts {
  const h = ms / HOUR_MS;
  const out = zeroAmounts();
  const fixed = session.fixed !== false;
  const coresUsed = session.cpu.used ?? 0;
  const gibUsed = session.ramGB.used === null ? 0 : gbToGiB(session.ramGB.used);
  const coresAsked = fixed && session.cpu.requested !== null ? session.cpu.requested : coresUsed;
  const gibAsked = fixed && session.ramGB.requested !== null ? gbToGiB(session.ramGB.requested) : gibUsed;
  out.hours = h;
  out.coreHoursRequested = coresAsked * h;
  out.coreHoursUsed = coresUsed * h;
  out.gibHoursRequested = gibAsked * h;
  out.gibHoursUsed = gibUsed * h;
  out.gpuHours = (session.gpus.requested ?? 0) * h;
  return out;
}

/** Pure: hours with the running time (from, to] added, split at the clock hours it spans. */
function addSpan(hours: AccountHours, session: Session, from: number, to: number): AccountHours {
  let out = hours;
  for (let start = from; start < to;) {
    const end = Math.min(to, hourOf(start) + HOUR_MS);
    out = out.add(hourOf(start), amountsFor(session, end - start));
    start = end;
  }
  return out;
}

type Counts = Pick<UsageAccount, 'firstAt' | 'lastAt' | 'countedTo' | 'hours' | 'days'>;

// One object literal in one property order, so every account shares a hidden class: built with spreads, a poll of 1,000 sessions took ~30 ms instead of ~6.
function described(before: UsageAccount | undefined, session: Session, at: number, c: Counts): UsageAccount {
  return {
    name: session.name,
    kind: session.kind,
    status: session.status,
    fixed: session.fixed,
    cores: session.cpu.requested,
    ramGiB: session.ramGB.requested === null ? null : gbToGiB(session.ramGB.requested),
    gpus: session.gpus.requested ?? before?.gpus ?? null,
    firstAt: c.firstAt,
    lastAt: c.lastAt,
    countedTo: c.countedTo,
    seenAt: at,
    gone: false,
    hours: c.hours,
    days: c.days,
  };
}

/** Pure: a session's account after a poll listed it at `at`; undefined for a session never seen Running. */
export function accountAfterSample(before: UsageAccount | undefined, session: Session, at: number): UsageAccount | undefined {
  if (session.status !== 'Running') {
    if (!before) return undefined;
    return described(before, session, at, { firstAt: before.firstAt, lastAt: before.lastAt, countedTo: null, hours: before.hours, days: before.days });
  }
  const counted = before?.countedTo ?? null;
  const start = counted ?? isoTime(session.startedAt) ?? at;
  const from = Math.min(at, Math.max(start, at - MAX_SAMPLE_GAP_MS));
  const hours = addSpan(before?.hours ?? AccountHours.EMPTY, session, from, at);
  return described(before, session, at, { firstAt: before?.firstAt ?? from, lastAt: at, countedTo: at, hours, days: before?.days ?? AccountHours.EMPTY });
}

/** Pure: the account with its old hours rolled into days and days older than 30 days dropped (the same object when nothing changed). */
function compacted(account: UsageAccount, at: number): UsageAccount {
  const { hours, days } = rollUp(account.hours, account.days, at);
  return hours === account.hours && days === account.days ? account : { ...account, hours, days };
}

/** Pure: an account of a session no longer listed, compacted at `at`; undefined once nothing is left of its 30 days. */
function goneAccount(account: UsageAccount, at: number): UsageAccount | undefined {
  const kept = compacted(account, at);
  if (kept.hours.size === 0 && kept.days.size === 0 && kept.seenAt <= at - ACCOUNT_KEEP_MS) return undefined;
  if (account.gone && kept === account) return account;
  return { ...kept, gone: true, countedTo: null };
}

/**
 * Pure: the accounts after a poll listed `sessions` at `at`: Running sessions add their use since the
 * previous sample, listed ones keep their description current, and ones that left the listing stay
 * until their last hour is 30 days old (at most MAX_ACCOUNTS, the longest gone dropped first).
 */
export function accountsAfterPoll(
  accounts: Readonly<Record<string, UsageAccount>>,
  sessions: Readonly<Record<string, Session>>,
  at: number,
): Dict<UsageAccount> {
  const out = emptyDict<UsageAccount>();
  for (const id of Object.keys(sessions)) {
    const next = accountAfterSample(dictGet(accounts, id), sessions[id], at);
    if (next) out[id] = compacted(next, at);
  }
  const gone: string[] = [];
  for (const id of Object.keys(accounts)) {
    if (Object.hasOwn(sessions, id)) continue;
    const kept = goneAccount(accounts[id], at);
    if (!kept) continue;
    out[id] = kept;
    gone.push(id);
  }
  const over = Object.keys(out).length - MAX_ACCOUNTS;
  if (over > 0) for (const id of gone.sort((a, b) => out[a].seenAt - out[b].seenAt).slice(0, over)) delete out[id];
  return out;
}
