import { isInteractiveKind, type Session } from '../../src/domain/session.js';
import { nameMatcher } from '../../src/domain/name-pattern.js';
import type { AutoRenewRule } from '../config/daemon-config.js';

/**
 * The sessions auto-renew should renew now: Running interactive sessions whose name matches a rule
 * and whose expiry is within that rule's threshold. Sessions renewed in the last `cooldownMs` are skipped,
 * so a server that does not move the expiry is not hammered.
 */
export function sessionsToRenew(
  sessions: readonly Session[],
  rules: readonly AutoRenewRule[],
  now: number,
  lastRenewedAt: ReadonlyMap<string, number>,
  cooldownMs = 10 * 60_000,
): Session[] {
  if (rules.length === 0) return [];
  const compiled = rules.map((rule) => ({ matches: nameMatcher(rule.match), thresholdMs: rule.thresholdMinutes * 60_000 }));
  return sessions.filter((session) => {
    if (session.status !== 'Running' || !isInteractiveKind(session.kind) || !session.expiresAt) return false;
    const last = lastRenewedAt.get(session.id);
    if (last !== undefined && now - last < cooldownMs) return false;
    const remaining = Date.parse(session.expiresAt) - now;
    return compiled.some((rule) => rule.matches(session.name) && remaining <= rule.thresholdMs);
  });
}
