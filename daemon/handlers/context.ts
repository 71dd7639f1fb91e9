import type { Handler } from './handler-context.js';

/** `context`: the resource options the platform accepts, read now (and recorded in the state). */
export const handleContext: Handler<'context'> = async (_params, ctx) => ctx.context();
