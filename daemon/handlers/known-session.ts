import { AppError } from '../../src/domain/errors.js';
import { checkSessionId } from '../../src/domain/session-id.js';
import type { HandlerContext } from './handler-context.js';

/**
 * Throws VALIDATION_ERROR for an id that breaks the id rule, and SKAHA_NOT_FOUND unless `sessionId` is one
 * of the user's sessions (after one fresh poll, shared with every caller): requests about a session reach
 * Skaha only for real ones.
 */
export async function requireKnownSession(ctx: HandlerContext, sessionId: string): Promise<void> {
  checkSessionId(sessionId, 'sessionId');
  if (await ctx.knownSession(sessionId)) return;
  const shown = JSON.stringify(sessionId.slice(0, 64));
  throw new AppError('SKAHA_NOT_FOUND', `session ${shown} is not among your sessions (checked with a fresh poll): pick an id that skaha-tui ps lists`);
}
