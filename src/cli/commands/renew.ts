import type { DaemonConnection } from '../../daemon-client/daemon-connection.js';
import { runEach, uniqueIds } from '../bulk.js';
import type { CommandContext, CommandHandler } from '../command-context.js';
import { formatTimeLeft, formatTimestamp } from '../format.js';
import { actOnSessions } from '../session-actions.js';
import { LABELS, MESSAGES } from '../text.js';

/** `renew ID...`: renews each session (through the daemon when it runs), then shows its new expiry; exit 1 if any renewal failed. */
export const renewCommand: CommandHandler = async (ctx) => {
  const { args, io, out } = ctx;
  const results = await actOnSessions(ctx, 'renew', uniqueIds(args.positionals));
  const renewed = results.filter((r) => r.ok).map((r) => r.id);
  const expiries = await newExpiries(ctx, renewed);
  for (const result of results) {
    if (!result.ok) {
      out.error(result.error, result.id);
      continue;
    }
    const at = expiries.get(result.id) ?? null;
    const expiry = at ? `${formatTimestamp(at)} (${LABELS.inTime(formatTimeLeft(at, io.now()))})` : '';
    out.print(`${MESSAGES.renewed(result.id, expiry)}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
};

/**
 * The server answers renew with an empty body, so the new expiry is read back: through the daemon a refresh
 * (one poll for all ids) updates its cache, else each session is fetched. Unknown expiries are left out.
 */
async function newExpiries(ctx: CommandContext, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const conn: DaemonConnection | null = await ctx.daemon();
  if (conn) {
    await conn.request('refresh', {}).catch(() => undefined);
    for (const id of ids) {
      const at = conn.state?.sessions[id]?.expiresAt;
      if (at) found.set(id, at);
    }
    return found;
  }
  const api = await ctx.api();
  const read = await runEach(ids, await ctx.concurrency(), async (id) => (await api.getSession(id)).expiresAt);
  for (const r of read) if (r.ok && r.value) found.set(r.id, r.value);
  return found;
}
