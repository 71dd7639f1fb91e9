import type { Handler } from './handler-context.js';
import { requireKnownSession } from './known-session.js';

/** `events`: the Kubernetes events of one of the user's sessions (a read of the last few seconds is reused). */
export const handleEvents: Handler<'events'> = async (params, ctx) => {
  await requireKnownSession(ctx, params.sessionId);
  return ctx.events(params.sessionId);
};
