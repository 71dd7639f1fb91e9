import { describe, expect, it } from 'vitest';
import { FakeConnection } from './helpers/fake-connection.js';
import { useHeadlessDashboard } from './helpers/headless-harness.js';
import { demoSessions, stateWith } from './helpers/states.js';
import { T0 } from '../helpers/builders.js';

const start = useHeadlessDashboard();

describe('daemon notices in the dashboard', () => {
  it('flashes a file the daemon moved aside once, and acknowledges it', async () => {
    const notice = { key: 'store:1', message: 'history file /x/history.bin was not usable: EISDIR; moved it to /x/history.bin.corrupt-1', at: T0 };
    const connection = new FakeConnection(stateWith(demoSessions(), { notices: [notice] }));
    const acked: string[][] = [];
    connection.on('notices.ack', ({ keys }) => {
      acked.push(keys);
      return { acknowledged: keys.length };
    });
    const { h } = await start(connection);
    expect(h.dashboard.model().view.flash).toMatchObject({ level: 'warn', text: `daemon notice: ${notice.message}` });
    expect(acked).toEqual([['store:1']]);
    // The same notice in a later state (before the acknowledgement's patch) is not said again.
    connection.pushState({ ...connection.state!, lastPollAt: T0 + 1 });
    await h.settle();
    expect(acked).toEqual([['store:1']]);
    connection.pushState({ ...connection.state!, notices: [] });
    await h.settle();
    expect(acked).toEqual([['store:1']]);
  });
});
