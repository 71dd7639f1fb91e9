import { AppError } from '../../src/domain/errors.js';
import type { HandlerContext } from './handler-context.js';

/**
 * Throws SKAHA_NOT_FOUND unless `sessionId` is one of the user's sessions (after one fresh poll,
 * shared with every caller): requests about a session reach Skaha only for real ones.
 */
export async function requireKnownSession(ctx: HandlerContext, sessionId: string): Promise<void> {
  if (await ctx.knownSession(sessionId)) return;
  const shown = JSON.stringify(sessionId.slice(0, 64));
  throw new AppError('SKAHA_NOT_FOUND', `session ${shown} is not among your sessions (checked with a fresh poll): pick an id that skaha-tui ps lists`);
}
