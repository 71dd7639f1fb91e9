import type { Handler } from './handler-context.js';

/** `config.get`: the effective config in the config file's shape, without any secret. */
export const handleConfigGet: Handler<'config.get'> = async (_params, ctx) => ctx.effectiveConfig();
