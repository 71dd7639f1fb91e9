import { describe, expect, it } from 'vitest';
import type { HistoryParams, HistoryResult } from '../../src/protocol/history-result.js';
import { applyHistoryResult, historyResult } from '../../src/protocol/history-result.js';
import { initialState, type DaemonState } from '../../src/state/state.js';
import { selectedRow } from '../../tui/render/frame.js';
import { FakeConnection } from './helpers/fake-connection.js';
import { useHeadlessDashboard } from './helpers/headless-harness.js';
import { demoSessions, stateWith } from './helpers/states.js';

const start = useHeadlessDashboard();

/** A fake daemon whose welcome holds no histories and whose `history` answers from `full`, as the daemon link applies them. */
function daemonWithoutHistories(full: DaemonState): { connection: FakeConnection; asked: HistoryParams[] } {
  const connection = new FakeConnection({ ...full, usage: {}, statsHistory: initialState().statsHistory });
  const asked: HistoryParams[] = [];
  connection.on('history', (params): HistoryResult => {
    asked.push(params);
    const result = historyResult(full, params);
    connection.pushState(applyHistoryResult(connection.state!, result));
    return result;
  });
  return { connection, asked };
}

describe('the dashboard asks for the histories it draws', () => {
  it('asks for the platform history once and for each selected session once, and again after a reconnect', async () => {
    const full = stateWith(demoSessions());
    const { connection, asked } = daemonWithoutHistories(full);
    const { h } = await start(connection);
    const first = selectedRow(h.dashboard.model());
    expect(first?.type).toBe('session');
    const firstId = first?.type === 'session' ? first.session.id : '';
    expect(asked).toEqual([{ ids: [firstId], stats: true }]);
    expect(h.dashboard.model().state?.usage[firstId]).toEqual(full.usage[firstId]);
    expect(h.dashboard.model().state?.statsHistory).toEqual(full.statsHistory);

    await h.keys('j');
    const second = selectedRow(h.dashboard.model());
    const secondId = second?.type === 'session' ? second.session.id : '';
    expect(secondId).not.toBe(firstId);
    expect(asked.slice(1)).toEqual([{ ids: [secondId], stats: false }]);

    await h.keys('k');
    expect(asked).toHaveLength(2);

    connection.pushStatus({ state: 'disconnected' });
    connection.state = { ...connection.state!, usage: {}, statsHistory: initialState().statsHistory };
    connection.pushStatus({ state: 'connected' });
    connection.pushState(connection.state, 'snapshot');
    await h.settle();
    expect(asked.slice(2)).toEqual([{ ids: [firstId], stats: true }]);
  });
});
