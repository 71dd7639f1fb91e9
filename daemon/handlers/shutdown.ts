import type { Handler } from './handler-context.js';

/** `shutdown`: answers, then runs the one shutdown path (every socket closes with 1001). */
export const handleShutdown: Handler<'shutdown'> = async (_params, ctx, client) => {
  ctx.shutdown(`shutdown requested by client ${client.name || client.id}`);
  return { stopping: true };
};
