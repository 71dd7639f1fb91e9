import { checkSessionId } from '../../src/domain/session-id.js';
import { noSessionError } from '../../src/domain/no-session.js';
import type { Handler } from './handler-context.js';

/**
 * `logs.kept`: the last copy the daemon kept of a session's log (also after Skaha dropped the session);
 * null for one of the user's sessions it kept none of; "no session" for an id it knows nothing of.
 */
export const handleLogsKept: Handler<'logs.kept'> = async (params, ctx) => {
  checkSessionId(params.sessionId, 'sessionId');
  const kept = ctx.keptLog(params.sessionId);
  if (kept) return kept;
  if (await ctx.knownSession(params.sessionId)) return null;
  throw noSessionError(params.sessionId);
};
