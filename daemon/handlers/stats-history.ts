import { historyPoints } from '../../src/state/history.js';
import type { Handler } from './handler-context.js';

/** `stats.history`: the latest platform stats and the bounded history, oldest first. */
export const handleStatsHistory: Handler<'stats.history'> = async (_params, ctx) => {
  const state = ctx.state();
  return { latest: state.stats, at: state.lastStatsAt, points: historyPoints(state.statsHistory) };
};
