// Renew with the check (skaha-api.md §9.1): through the daemon, which re-reads and compares; or
// straight to Skaha, then one listing to compare every expiry with the one before.

import { errorFromJSON, toAppError, type AppError } from '../domain/errors.js';
import type { Session } from '../domain/session.js';
import { MAX_BULK_IDS } from '../protocol/requests.js';
import type { RenewCheck } from '../state/insight.js';
import { checkRenew, failedRenew, lifetimeEstimate } from '../state/renew-check.js';
import { runEach } from './bulk.js';
import type { CommandContext } from './command-context.js';
import { formatDuration } from './format.js';
import { DIAGNOSTICS } from './text.js';

/** One renew's outcome: the check, and the error when Skaha refused it. */
export interface CheckedRenew {
  id: string;
  check: RenewCheck | null;
  error: AppError | null;
}

const ACTION_TIMEOUT_MS = 5 * 60_000;

/** Renews each of `sessions` (the user's, looked up before) and says per id how it went. */
export async function renewChecked(ctx: CommandContext, sessions: readonly Session[], listing: readonly Session[]): Promise<CheckedRenew[]> {
  const conn = await ctx.daemon();
  if (conn) {
    ctx.log.info(DIAGNOSTICS.throughDaemon, { request: 'renew' });
    const out: CheckedRenew[] = [];
    for (let i = 0; i < sessions.length; i += MAX_BULK_IDS) {
      const ids = sessions.slice(i, i + MAX_BULK_IDS).map((s) => s.id);
      const { results } = await conn.request('renew', { ids }, { timeoutMs: ACTION_TIMEOUT_MS });
      for (const r of results) out.push({ id: r.id, check: r.check ?? null, error: r.ok ? null : errorFromJSON(r.error) });
    }
    return out;
  }
  ctx.log.info(DIAGNOSTICS.direct, { request: 'renew' });
  const api = await ctx.api();
  const results = await runEach(
    sessions.map((s) => s.id),
    await ctx.concurrency(),
    (id) => api.renewSession(id),
  );
  const after = results.some((r) => r.ok) ? await api.listSessions().catch((): Session[] => [...listing]) : [...listing];
  const byId = new Map(after.map((s) => [s.id, s]));
  const now = ctx.io.now();
  const lifetime = lifetimeEstimate(after);
  return results.map((r, i): CheckedRenew => {
    const before = sessions[i];
    if (!r.ok) return { id: r.id, check: failedRenew(r.error.serverText || r.error.message, before, now), error: toAppError(r.error) };
    return { id: r.id, check: checkRenew(before, byId.get(r.id) ?? null, now, lifetime, formatDuration), error: null };
  });
}
