import type { Session } from '../../src/domain/session.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { RenewCheck } from '../../src/state/insight.js';
import { checkRenew, failedRenew, lifetimeEstimate } from '../../src/state/renew-check.js';
import { formatDuration } from '../../src/cli/format.js';
import type { HandlerContext } from '../handlers/handler-context.js';
import { settleConcurrently } from '../../src/client/limit-concurrency.js';
import { toAppError } from '../../src/domain/errors.js';

/** What a checked renew needs: the parts of a handler's context it uses. */
export type RenewCheckerDeps = Pick<HandlerContext, 'clock' | 'state' | 'apply' | 'api' | 'concurrency' | 'refresh'>;

/**
 * Renews each id, then reads the sessions again (one poll for all) and compares each expiry with the
 * one before (skaha-api.md §9.1: a 200 does not mean the expiry moved). Every id gets its result with
 * its check; the checks are recorded in the state.
 */
export async function renewAndCheck(ids: readonly string[], deps: RenewCheckerDeps): Promise<BulkResult[]> {
  const before = new Map<string, Session>();
  for (const id of ids) if (Object.hasOwn(deps.state().sessions, id)) before.set(id, deps.state().sessions[id]);
  const api = deps.api();
  const unique = [...new Set(ids)];
  const settled = await settleConcurrently(unique, deps.concurrency(), (id) => api.renewSession(id));
  const errors = new Map(settled.flatMap((s, i) => (s.status === 'rejected' ? [[unique[i], toAppError(s.reason)] as const] : [])));
  const results = unique.map((id): BulkResult => {
    const error = errors.get(id);
    return error ? { id, ok: false, error: error.toJSON() } : { id, ok: true };
  });
  const renewed = results.filter((r) => r.ok).map((r) => r.id);
  if (renewed.length > 0) {
    void deps.apply({ type: 'session.renewed', ids: renewed, at: deps.clock.now() });
    // A failed re-read leaves the check to the last listing: it then says the expiry did not move.
    await deps.refresh().catch(() => undefined);
  }
  const state = deps.state();
  const at = deps.clock.now();
  const lifetime = lifetimeEstimate(Object.values(state.sessions));
  const checks: { id: string; check: RenewCheck }[] = [];
  const out = results.map((r): BulkResult => {
    const was = before.get(r.id);
    if (!was) return r;
    const after = Object.hasOwn(state.sessions, r.id) ? state.sessions[r.id] : null;
    const check = r.ok ? checkRenew(was, after, at, lifetime, formatDuration) : failedRenew(errors.get(r.id)?.serverText || r.error.message, was, at);
    checks.push({ id: r.id, check });
    return { ...r, check };
  });
  if (checks.length > 0) await deps.apply({ type: 'renew.checked', checks, at });
  return out;
}
