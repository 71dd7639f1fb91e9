import { checkSessionId } from '../../src/domain/session-id.js';
import { noSessionError } from '../../src/domain/no-session.js';
import type { HandlerContext } from './handler-context.js';

/**
 * Throws VALIDATION_ERROR for an id that breaks the id rule, and SKAHA_NOT_FOUND unless `sessionId` is one
 * of the user's sessions (after one fresh poll, shared with every caller): requests about a session reach
 * Skaha only for real ones.
 */
export async function requireKnownSession(ctx: HandlerContext, sessionId: string): Promise<void> {
  checkSessionId(sessionId, 'sessionId');
  if (await ctx.knownSession(sessionId)) return;
  throw noSessionError(sessionId);
}

/**
 * The ids among `ids` that are not the user's sessions, after one fresh poll (shared with every
 * caller) when the state does not hold them all: one listing, never a request per id.
 */
export async function unknownSessions(ctx: HandlerContext, ids: readonly string[]): Promise<Set<string>> {
  const missing = () => ids.filter((id) => !Object.hasOwn(ctx.state().sessions, id));
  if (missing().length === 0) return new Set();
  await ctx.refresh();
  return new Set(missing());
}
