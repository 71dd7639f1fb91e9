// The binary reaches the daemon while its screen modules load: events pushed before the dashboard
// listens are handed to it, and a dashboard started on a live connection asks at once for what the
// state's arrival would have made it ask for.
import { describe, expect, it } from 'vitest';
import { keepEarlyEvents } from '../../tui/early-events.js';
import { initialState } from '../../src/state/state.js';
import type { HistoryParams } from '../../src/protocol/history-result.js';
import { historyResult } from '../../src/protocol/history-result.js';
import type { EventTopic } from '../../src/protocol/topics.js';
import { FakeConnection } from './helpers/fake-connection.js';
import { useHeadlessDashboard } from './helpers/headless-harness.js';
import { demoSessions, stateWith } from './helpers/states.js';

const start = useHeadlessDashboard();
const warning = (message: string) => ({ code: 'CONFIG_ERROR', message });

describe('events before the dashboard listens', () => {
  it('are kept and handed, in order, to the first subscriber, then pass through once each', () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const kept = keepEarlyEvents(connection);
    connection.pushEvent('warning', warning('one'));
    connection.pushEvent('warning', warning('two'));
    const seen: [EventTopic, unknown][] = [];
    const unsubscribe = kept.subscribe({ onEvent: (topic, data) => seen.push([topic, data]) });
    connection.pushEvent('warning', warning('three'));
    expect(seen).toEqual([
      ['warning', warning('one')],
      ['warning', warning('two')],
      ['warning', warning('three')],
    ]);
    // A later subscriber gets only what comes after it.
    const later: unknown[] = [];
    kept.subscribe({ onEvent: (_topic, data) => later.push(data) });
    unsubscribe();
    connection.pushEvent('warning', warning('four'));
    expect(later).toEqual([warning('four')]);
    expect(seen).toHaveLength(3);
    expect(kept.state).toBe(connection.state);
    expect(kept.status).toBe(connection.status);
  });

  it('a warning pushed while the screen loads is shown by the dashboard', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    const kept = keepEarlyEvents(connection);
    connection.pushEvent('warning', warning('the config file was invalid; the old one is kept'));
    const { h } = await start(kept as FakeConnection);
    expect(h.lines().at(-1)).toContain('the config file was invalid; the old one is kept');
  });
});

describe('a dashboard started on a live connection', () => {
  it('asks at once for the histories it draws, though nothing else changes', async () => {
    const full = stateWith(demoSessions());
    const connection = new FakeConnection({ ...full, usage: {}, statsHistory: initialState().statsHistory });
    // The server is named on the command line: reading the daemon's config changes nothing.
    const asked: HistoryParams[] = [];
    connection.on('history', (params) => {
      asked.push(params);
      return historyResult(full, params);
    });
    await start(connection, { serverUrl: 'https://ws-uv.canfar.net/skaha' });
    expect(asked).toHaveLength(1);
    expect(asked[0].stats).toBe(true);
  });
});
