import { AppError } from '../../src/domain/errors.js';
import { usageReport } from '../../src/state/usage-report.js';
import type { Handler } from './handler-context.js';

/** How far back `usage` looks when the request does not say. */
export const DEFAULT_USAGE_WINDOW_MS = 7 * 86_400_000;

/** `usage`: the accounts' core-hours, GiB-hours and GPU-hours within [since, until) (default: the last 7 days). */
export const handleUsage: Handler<'usage'> = async (params, ctx) => {
  const until = params.until ?? ctx.clock.now();
  const since = params.since ?? until - DEFAULT_USAGE_WINDOW_MS;
  if (since >= until)
    throw new AppError('VALIDATION_ERROR', `usage: since (${new Date(since).toISOString()}) must be before until (${new Date(until).toISOString()})`);
  return usageReport(ctx.state().accounts, since, until);
};
