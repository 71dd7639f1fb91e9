import type { Handler } from './handler-context.js';

/** `daemon.metrics`: the daemon process's memory, handles and event-loop delay (what a soak run watches). */
export const handleDaemonMetrics: Handler<'daemon.metrics'> = async (_params, ctx) => ctx.metrics();
