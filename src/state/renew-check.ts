// Renew you can trust (skaha-api.md §2.8, §9.1): Skaha answers 200 whether or not the expiry moved,
// so the session is read again and its expiry compared.

import { isInteractiveKind, type Session } from '../domain/session.js';
import type { RenewCheck } from './insight.js';

/** The interactive lifetime of the Helm chart (4 days), the longest a renew gives when no session shows a shorter one. */
export const DEFAULT_LIFETIME_MS = 4 * 86_400_000;

/** The words of each outcome (one place, so the CLI, the dashboard and the docs agree). */
export const RENEW_TEXT = {
  headless: 'a headless job needs none (it runs until it finishes, up to 14 days)',
  queued: 'it has no expiry yet (queued, no pod)',
  notNeeded: (left: string, lifetime: string) => `not needed yet (it has ${left} left; a renew gives ${lifetime})`,
  notRenewed: 'the server did not renew it (its expiry did not move)',
  gone: 'the session is gone',
} as const;

/**
 * Pure: the longest a renew gives: the shortest start-to-expiry span of the listed interactive sessions
 * (sessions start with the full lifetime; renewed ones only get longer), at most DEFAULT_LIFETIME_MS.
 */
export function lifetimeEstimate(sessions: Iterable<Session>): number {
  let lifetime = DEFAULT_LIFETIME_MS;
  for (const s of sessions) {
    if (!isInteractiveKind(s.kind) || !s.startedAt || !s.expiresAt) continue;
    const span = Date.parse(s.expiresAt) - Date.parse(s.startedAt);
    if (Number.isFinite(span) && span > 0 && span < lifetime) lifetime = span;
  }
  return lifetime;
}

/**
 * Pure: how a renew that Skaha answered with success went, from the session before and after it:
 * the expiry moved later (renewed), or not, and then why: headless (not needed), more time left than
 * the lifetime (not needed yet), or the server did not renew it. `format` writes durations.
 */
export function checkRenew(before: Session, after: Session | null, at: number, lifetimeMs: number, format: (ms: number) => string): RenewCheck {
  if (!after) return { outcome: 'not-renewed', at, expiresAt: null, why: RENEW_TEXT.gone };
  const was = before.expiresAt === null ? NaN : Date.parse(before.expiresAt);
  const now = after.expiresAt === null ? NaN : Date.parse(after.expiresAt);
  if (Number.isFinite(now) && (!Number.isFinite(was) || now > was)) return { outcome: 'renewed', at, expiresAt: after.expiresAt, why: null };
  const unchanged = (why: string, outcome: RenewCheck['outcome'] = 'not-needed'): RenewCheck => ({ outcome, at, expiresAt: after.expiresAt, why });
  if (!isInteractiveKind(after.kind)) return unchanged(RENEW_TEXT.headless);
  if (!Number.isFinite(now)) return unchanged(RENEW_TEXT.queued);
  // Within a minute of the lifetime: a renew would move it by seconds (Skaha counts whole seconds).
  if (now - at >= lifetimeMs - 60_000) return unchanged(RENEW_TEXT.notNeeded(format(now - at), format(lifetimeMs)));
  return unchanged(RENEW_TEXT.notRenewed, 'not-renewed');
}

/** The check of a renew that Skaha refused (500 `unexpected exception`, 400 …): the server's text. */
export function failedRenew(message: string, before: Session | null, at: number): RenewCheck {
  return { outcome: 'failed', at, expiresAt: before?.expiresAt ?? null, why: message };
}
