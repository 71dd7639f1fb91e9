import { noSessionError } from '../../src/domain/no-session.js';
import { isSessionId } from '../../src/domain/session-id.js';
import type { BulkResult } from '../../src/protocol/requests.js';
import type { Handler } from './handler-context.js';
import { unknownSessions } from './known-session.js';

/**
 * `renew`: renews each of the user's sessions (an id that is not one gets "no session"), then reads
 * them again and says per id whether the expiry moved (`check`); the daemon polls fast afterwards.
 */
export const handleRenew: Handler<'renew'> = async (params, ctx, client) => {
  ctx.logger.info('renew requested', { ids: params.ids.length, client: client.name });
  const ids = [...new Set(params.ids)];
  // Ids that break the id rule are refused per id by the client below, with no request.
  const unknown = await unknownSessions(ctx, ids.filter(isSessionId));
  const checked = await ctx.renewAndCheck(ids.filter((id) => !unknown.has(id)));
  const byId = new Map(checked.map((r) => [r.id, r]));
  const results = ids.map((id): BulkResult => byId.get(id) ?? { id, ok: false, error: noSessionError(id).toJSON() });
  ctx.pollSoon();
  return { results };
};
