import { describe, expect, it } from 'vitest';
import { minutesFromT0 } from '../../helpers/builders.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { demoSessions, stateWith } from '../helpers/states.js';

const start = useHeadlessDashboard();
const credentials = (user?: string) => ({ kind: 'certificate' as const, source: 'default', expiresAt: minutesFromT0(60 * 24), ...(user ? { user } : {}) });

describe("the header's user", () => {
  it('is the one the credential names while no session names one, then the sessions’ user', async () => {
    const connection = new FakeConnection(stateWith([], { credentials: credentials('carol') }));
    const { h } = await start(connection);
    expect(h.lines()[0]).toMatch(/ user carol$/);
    connection.pushState(stateWith(demoSessions(), { credentials: credentials('carol') }));
    await h.settle();
    expect(h.lines()[0]).toMatch(/ user alice$/);
  });

  it('is "-" when neither a session nor the credential names one', async () => {
    const { h } = await start(new FakeConnection(stateWith([], { credentials: credentials() })));
    expect(h.lines()[0]).toMatch(/ user -$/);
  });
});
