import type { Handler } from './handler-context.js';

/** `refresh`: polls now and answers once that poll finished, with when the last successful poll was. */
export const handleRefresh: Handler<'refresh'> = async (_params, ctx) => {
  await ctx.refresh();
  return { polledAt: ctx.state().lastPollAt };
};
