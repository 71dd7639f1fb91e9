// Launch, delete and renew: through the daemon when it runs (so it polls fast and notifies), else straight to Skaha.

import { errorFromJSON } from '../domain/errors.js';
import type { LaunchRequest, LaunchResult } from '../domain/launch.js';
import { MAX_BULK_IDS } from '../protocol/requests.js';
import { checkImageCatalogue } from '../client/check-image-catalogue.js';
import { runEach, type BulkResult } from './bulk.js';
import type { CommandContext } from './command-context.js';
import { DIAGNOSTICS } from './text.js';

/** Launches and bulk actions may take long (hundreds of replicas): wait up to 5 minutes for the daemon's answer. */
const ACTION_TIMEOUT_MS = 5 * 60_000;

/** Registry credentials from this shell's environment, passed to the daemon so a launch uses the same ones as a direct one. */
export function registryAuthFromEnv(env: Readonly<Record<string, string | undefined>>): LaunchRequest['registryAuth'] {
  for (const [user, secret] of [
    ['SKAHA_REGISTRY_USERNAME', 'SKAHA_REGISTRY_SECRET'],
    ['CANFAR_REGISTRY__USERNAME', 'CANFAR_REGISTRY__SECRET'],
  ] as const) {
    if (env[user] && env[secret]) return { username: env[user], secret: env[secret] };
  }
  return undefined;
}

/** Launches every replica; one result per replica either way. */
export async function launchSessions(ctx: CommandContext, request: LaunchRequest): Promise<LaunchResult[]> {
  const conn = await ctx.daemon();
  if (!conn) {
    ctx.log.info(DIAGNOSTICS.direct, { request: 'launch' });
    const api = await ctx.api();
    // Through the daemon, the daemon checks the same before it sends.
    await checkImageCatalogue(request, () => api.listImages(), await ctx.registryConfigured(), ctx.log);
    return api.launch(request);
  }
  ctx.log.info(DIAGNOSTICS.throughDaemon, { request: 'launch' });
  const registryAuth = request.registryAuth ?? registryAuthFromEnv(ctx.io.env);
  const params = registryAuth ? { ...request, registryAuth } : request;
  return (await conn.request('launch', params, { timeoutMs: ACTION_TIMEOUT_MS })).results;
}

/** Deletes or renews each id; one result per id, in order. */
export async function actOnSessions(ctx: CommandContext, action: 'delete' | 'renew', ids: readonly string[]): Promise<BulkResult<void>[]> {
  const conn = await ctx.daemon();
  if (!conn) {
    ctx.log.info(DIAGNOSTICS.direct, { request: action });
    const api = await ctx.api();
    const act = action === 'delete' ? (id: string) => api.deleteSession(id) : (id: string) => api.renewSession(id);
    return runEach(ids, await ctx.concurrency(), act);
  }
  ctx.log.info(DIAGNOSTICS.throughDaemon, { request: action });
  const results: BulkResult<void>[] = [];
  for (let i = 0; i < ids.length; i += MAX_BULK_IDS) {
    const chunk = ids.slice(i, i + MAX_BULK_IDS);
    const answer = await conn.request(action, { ids: [...chunk] }, { timeoutMs: ACTION_TIMEOUT_MS });
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    for (const id of chunk) {
      const r = byId.get(id);
      results.push(r?.ok === false ? { id, ok: false, error: errorFromJSON(r.error) } : { id, ok: true, value: undefined });
    }
  }
  return results;
}
