import type { Handler } from './handler-context.js';

/** `logs.unsubscribe`: ends this client's subscription (fetching stops when nobody listens). */
export const handleLogsUnsubscribe: Handler<'logs.unsubscribe'> = async (params, ctx, client) => {
  ctx.logs.unsubscribe(params.sessionId, client.id);
  return { sessionId: params.sessionId };
};
