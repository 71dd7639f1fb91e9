import type { Handler } from './handler-context.js';

/** `notices.ack`: the client showed these notices; they leave the state (unknown keys are ignored). */
export const handleNoticesAck: Handler<'notices.ack'> = async (params, ctx) => {
  const before = ctx.state().notices.length;
  await ctx.apply({ type: 'notices.acknowledged', keys: params.keys, at: ctx.clock.now() });
  return { acknowledged: before - ctx.state().notices.length };
};
