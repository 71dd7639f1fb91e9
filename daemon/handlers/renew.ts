import type { Handler } from './handler-context.js';
import { bulkPerId } from './bulk.js';

/** `renew`: renews each id (concurrency-limited) and polls fast, so the new expiry shows soon. */
export const handleRenew: Handler<'renew'> = async (params, ctx, client) => {
  ctx.logger.info('renew requested', { ids: params.ids.length, client: client.name });
  const api = ctx.api();
  const results = await bulkPerId(params.ids, ctx.concurrency(), (id) => api.renewSession(id));
  const renewed = results.filter((r) => r.ok).map((r) => r.id);
  if (renewed.length > 0) void ctx.apply({ type: 'session.renewed', ids: renewed, at: ctx.clock.now() });
  ctx.pollSoon();
  return { results };
};
