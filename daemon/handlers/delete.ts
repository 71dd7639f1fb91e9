import type { Handler } from './handler-context.js';
import { bulkPerId } from './bulk.js';

/** `delete`: deletes each id (concurrency-limited), recorded first so the removal reads as "deleted"; then polls fast. */
export const handleDelete: Handler<'delete'> = async (params, ctx, client) => {
  void ctx.apply({ type: 'session.deleted', ids: [...new Set(params.ids)], at: ctx.clock.now() });
  ctx.logger.info('delete requested', { ids: params.ids.length, client: client.name });
  const api = ctx.api();
  const results = await bulkPerId(params.ids, ctx.concurrency(), (id) => api.deleteSession(id));
  ctx.pollSoon();
  return { results };
};
