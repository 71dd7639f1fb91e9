import { historyResult } from '../../src/protocol/history-result.js';
import type { Handler } from './handler-context.js';

/** `history`: the asked sessions' usage histories (and the platform's), at most one bounded frame of them; the rest to ask again. */
export const handleHistory: Handler<'history'> = async (params, ctx) => historyResult(ctx.state(), params);
