import { clientSnapshot } from '../../src/protocol/patch.js';
import type { Handler } from './handler-context.js';

/** `snapshot`: the whole state as clients see it (without the daemon's bookkeeping). */
export const handleSnapshot: Handler<'snapshot'> = async (_params, ctx) => clientSnapshot(ctx.state());
