import { isSessionId } from '../../src/domain/session-id.js';
import type { Handler } from './handler-context.js';
import { bulkPerId } from './bulk.js';

/** `delete`: deletes each id (concurrency-limited), recorded first so the removal reads as "deleted"; then polls fast. */
export const handleDelete: Handler<'delete'> = async (params, ctx, client) => {
  // Ids that break the id rule are refused per id below, with no request: nothing to record for them.
  void ctx.apply({ type: 'session.deleted', ids: [...new Set(params.ids)].filter(isSessionId), at: ctx.clock.now() });
  ctx.logger.info('delete requested', { ids: params.ids.length, client: client.name });
  const api = ctx.api();
  const results = await bulkPerId(params.ids, ctx.concurrency(), (id) => api.deleteSession(id));
  ctx.pollSoon();
  return { results };
};
