import { noSessionError } from '../../src/domain/no-session.js';
import { isSessionId } from '../../src/domain/session-id.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { Handler } from './handler-context.js';
import { bulkPerId } from './bulk.js';
import { unknownSessions } from './known-session.js';

/**
 * `delete`: deletes each of the user's sessions (concurrency-limited), recorded first so the removal
 * reads as "deleted"; an id that is not one gets "no session" and no request (Skaha answers 200 to
 * any id, so its answer says nothing); then polls fast.
 */
export const handleDelete: Handler<'delete'> = async (params, ctx, client) => {
  ctx.logger.info('delete requested', { ids: params.ids.length, client: client.name });
  const ids = [...new Set(params.ids)];
  // Ids that break the id rule are refused per id below, with no request.
  const unknown = await unknownSessions(ctx, ids.filter(isSessionId));
  const known = ids.filter((id) => !unknown.has(id));
  void ctx.apply({ type: 'session.deleted', ids: known.filter(isSessionId), at: ctx.clock.now() });
  const api = ctx.api();
  const done = new Map((await bulkPerId(known, ctx.concurrency(), (id) => api.deleteSession(id))).map((r) => [r.id, r]));
  const results = ids.map((id): BulkResult => done.get(id) ?? { id, ok: false, error: noSessionError(id).toJSON() });
  ctx.pollSoon();
  return { results };
};
