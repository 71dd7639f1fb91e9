import { AppError, errorFromJSON } from '../../src/domain/errors.js';
import type { Handler } from './handler-context.js';

/** `refresh`: polls now and answers with that poll's outcome: when it ended, or its failure as the error. */
export const handleRefresh: Handler<'refresh'> = async (_params, ctx) => {
  const outcome = await ctx.refresh();
  if (!outcome) throw new AppError('DAEMON_UNAVAILABLE', 'the daemon is stopping: no poll was made');
  if (outcome.error) throw errorFromJSON(outcome.error);
  return { polledAt: outcome.at };
};
