import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionIdentity } from '../../../src/domain/connection-identity.js';
import { FakeConnection } from '../helpers/fake-connection.js';
import { startHeadless, type Headless } from '../helpers/headless.js';
import { demoSessions, stateWith } from '../helpers/states.js';

const daemons: ConnectionIdentity = { server: 'https://ws-uv.canfar.net/skaha/v1', credential: { kind: 'token', source: 'env', fingerprint: 'aaaaaaaaaaaa' } };
const mine: ConnectionIdentity = { ...daemons, credential: { kind: 'certificate', source: 'default', fingerprint: 'bbbbbbbbbbbb' } };

let h: Headless | undefined;
afterEach(async () => {
  await h?.destroy();
  h = undefined;
});

describe('a daemon with another connection than the dashboard', () => {
  it('shows both in the header, offers a restart on D that y confirms, and clears once the new daemon matches', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.identity = daemons;
    let restarts = 0;
    h = await startHeadless(connection, { ownIdentity: async () => mine, restartDaemon: async () => void restarts++ });
    expect(h.text()).toContain(
      'another connection (D: restart the daemon with yours) — daemon: token aaaaaaaaaaaa (env); dashboard: certificate bbbbbbbbbbbb (default)',
    );
    await h.keys('D');
    expect(h.text()).toContain("Restart the daemon with this dashboard's connection?");
    expect(h.text()).toContain('The daemon uses:    https://ws-uv.canfar.net/skaha/v1 with token aaaaaaaaaaaa (env)');
    expect(h.text()).toContain('[y] yes   [n] or Esc: no');
    await h.keys('n');
    expect(h.text()).not.toContain('Restart the daemon with');
    expect(restarts).toBe(0);
    await h.keys('D', 'y');
    expect(restarts).toBe(1);
    expect(h.text()).toContain("the daemon was restarted with this dashboard's connection");
    connection.pushStatus({ state: 'disconnected' });
    connection.identity = mine;
    connection.pushStatus({ state: 'connected' });
    await h.settle();
    expect(h.text()).not.toContain('D: restart the daemon');
  });

  it('shows nothing, and D only says so, when both use the same server and credential', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.identity = { ...mine, credential: { ...mine.credential, source: 'env' } };
    let restarts = 0;
    h = await startHeadless(connection, { ownIdentity: async () => mine, restartDaemon: async () => void restarts++ });
    expect(h.text()).not.toContain('D: restart the daemon');
    await h.keys('D');
    expect(h.text()).not.toContain('Restart the daemon with');
    expect(h.text()).toContain('the daemon already uses the same server and credential as this dashboard');
    expect(restarts).toBe(0);
  });

  it('shows nothing and keeps running when its own identity cannot be worked out (the check never rejects unseen)', async () => {
    const connection = new FakeConnection(stateWith(demoSessions()));
    connection.identity = daemons;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      h = await startHeadless(connection, { ownIdentity: async () => Promise.reject(new Error('config module failed to load')) });
      await h.settle();
      await new Promise((resolve) => setImmediate(resolve));
      expect(h.text()).not.toContain('D: restart the daemon');
      expect(h.text()).toContain('nb-main');
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
