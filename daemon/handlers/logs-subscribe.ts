import { checkSessionId } from '../../src/domain/session-id.js';
import type { Handler } from './handler-context.js';

/** `logs.subscribe`: sends `logs:reset` with the buffered lines first, then answers with their count. */
export const handleLogsSubscribe: Handler<'logs.subscribe'> = async (params, ctx, client) => {
  checkSessionId(params.sessionId, 'sessionId');
  const lines = ctx.logs.subscribe(params.sessionId, client.id);
  return { sessionId: params.sessionId, lines };
};
