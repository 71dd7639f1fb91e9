import type { Handler } from './handler-context.js';
import { requireKnownSession } from './known-session.js';

/** `logs.subscribe`: for one of the user's sessions, sends `logs:reset` with the buffered lines first, then answers with their count. */
export const handleLogsSubscribe: Handler<'logs.subscribe'> = async (params, ctx, client) => {
  await requireKnownSession(ctx, params.sessionId);
  const lines = ctx.logs.subscribe(params.sessionId, client.id);
  return { sessionId: params.sessionId, lines };
};
