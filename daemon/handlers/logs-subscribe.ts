import type { Handler } from './handler-context.js';

/** `logs.subscribe`: sends `logs:reset` with the buffered lines first, then answers with their count. */
export const handleLogsSubscribe: Handler<'logs.subscribe'> = async (params, ctx, client) => {
  const lines = ctx.logs.subscribe(params.sessionId, client.id);
  return { sessionId: params.sessionId, lines };
};
