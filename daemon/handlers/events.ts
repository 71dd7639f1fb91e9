import type { Handler } from './handler-context.js';

/** `events`: the Kubernetes events of one session, read now. */
export const handleEvents: Handler<'events'> = async (params, ctx) => ctx.api().getEvents(params.sessionId);
