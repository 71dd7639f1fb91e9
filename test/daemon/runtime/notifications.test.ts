import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDesktopNotifier } from '../../../daemon/notify/desktop-notifier.js';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { SkahaClient } from '../../../src/client/skaha-client.js';
import { createConnection } from '../../../src/config/create-connection.js';
import { startDaemon } from '../../../daemon/daemon.js';
import { createFakeBin } from '../../helpers/fake-bin.js';
import { startPrivateNotificationBus, type PrivateNotificationBus } from '../../helpers/private-dbus.js';
import { recordingNotifier, startTestDaemon, type RecordingNotifier, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

let t: TestDaemon | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** A notebook that turns Running ~300 ms from now. */
function pendingNotebook(d: TestDaemon, name: string): string {
  return d.sim.seedSession({ kind: 'notebook', status: 'Pending', name, ageSeconds: 0.1, pendingSeconds: 0.4 });
}

describe('desktop notifications and hooks', () => {
  it('runs notify-send (a fake first on PATH) with the ready notification, and a hook gets the event JSON', async () => {
    const bin = createFakeBin(['notify-send']);
    const out = mkdtempSync(join(tmpdir(), 'sk-hook-'));
    const hook = `cat > ${out}/event.json; printf '%s|%s|%s|%s' "$SKAHA_EVENT" "$SKAHA_SESSION_ID" "$SKAHA_SESSION_NAME" "$SKAHA_STATUS" > ${out}/env`;
    const notifier = createDesktopNotifier(silentLogger, { PATH: `${bin.dir}:/usr/bin:/bin`, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }, 'linux');
    t = await startTestDaemon({ notifier, config: { hooks: [{ command: hook, events: ['session:status-changed'], timeoutMs: 5_000 }] } });
    await waitUntil(() => t!.daemon.state().lastPollAt !== null, 'the baseline poll');
    const id = pendingNotebook(t, 'nbready');
    await waitUntil(() => bin.calls('notify-send').length > 0, 'notify-send');
    const [call] = bin.calls('notify-send');
    expect(call.slice(0, 5)).toEqual(['-a', 'skaha-tui', '-u', 'normal', '--']);
    expect(call[5]).toBe('Session nbready is ready');
    await waitUntil(() => existsSync(join(out, 'env')) && readFileSync(join(out, 'env'), 'utf8').length > 0, 'the hook');
    const event = JSON.parse(readFileSync(join(out, 'event.json'), 'utf8'));
    expect(event).toMatchObject({ type: 'session:status-changed', kind: 'session:status-changed', to: 'Running', session: { id, name: 'nbready' } });
    expect(readFileSync(join(out, 'env'), 'utf8')).toBe(`session:status-changed|${id}|nbready|Running`);
    expect(t.daemon.state().notifications.map((n) => n.title)).toContain('Session nbready is ready');
  });

  describe('through the real notify-send on a private D-Bus session bus', () => {
    let bus: PrivateNotificationBus;
    beforeAll(async () => {
      bus = await startPrivateNotificationBus();
    });
    afterAll(() => bus?.stop());

    it('delivers the notification to the notification server', async () => {
      const notifier = createDesktopNotifier(silentLogger, { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: bus.address }, 'linux');
      expect(notifier.mechanism).toBe('notify-send');
      t = await startTestDaemon({ notifier });
      await waitUntil(() => t!.daemon.state().lastPollAt !== null, 'the baseline poll');
      pendingNotebook(t, 'nbdbus');
      await waitUntil(() => existsSync(bus.logFile) && readFileSync(bus.logFile, 'utf8').includes('nbdbus'), 'the D-Bus notification');
      const calls = readFileSync(bus.logFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(calls).toContainEqual({ app: 'skaha-tui', summary: 'Session nbdbus is ready', body: expect.any(String), urgency: 1 });
    });
  });

  it('with desktop off, clients still get the notification event but nothing reaches the desktop', async () => {
    const notifier = recordingNotifier();
    t = await startTestDaemon({ notifier, config: { notifications: { ...DEFAULT_DAEMON_CONFIG.notifications, desktop: false } } });
    const client = await t.client();
    await waitUntil(() => t!.daemon.state().lastPollAt !== null, 'the baseline poll');
    pendingNotebook(t, 'nbnodesk');
    const note = await client.waitForEvent('notification', (n) => n.title === 'Session nbnodesk is ready');
    expect(note.key).toMatch(/^status:.+:Running$/);
    expect(notifier.shown).toEqual([]);
  });

  it('quiet sends no notification at all', async () => {
    const notifier = recordingNotifier();
    t = await startTestDaemon({ notifier, config: { notifications: { ...DEFAULT_DAEMON_CONFIG.notifications, quiet: true } } });
    const client = await t.client();
    await waitUntil(() => t!.daemon.state().lastPollAt !== null, 'the baseline poll');
    const id = pendingNotebook(t, 'nbquiet');
    await client.waitForEvent('session:status-changed', (e) => e.session.id === id && e.to === 'Running');
    // A refresh answers after its poll was reported, and reports run in order: nothing is pending now.
    await client.call('refresh');
    expect(client.events('notification')).toEqual([]);
    expect(notifier.shown).toEqual([]);
    expect(t.daemon.state().notifications).toEqual([]);
  });

  it('notifies once when Skaha refuses the credentials, and once when it recovers', async () => {
    const notifier = recordingNotifier();
    t = await startTestDaemon({ notifier, polling: { backoffCapMs: 100 } });
    await waitUntil(() => t!.daemon.state().health.state === 'ok', 'a good poll');
    const polls = t.sim.requestCount('session.list');
    t.sim.setFaults({ expiredToken: true });
    await waitUntil(() => t!.sim.requestCount('session.list') > polls + 5, 'several refused polls');
    t.sim.clearFaults();
    await waitUntil(() => notifier.shown.some((n) => n.title === 'Skaha is reachable again'), 'recovery notification');
    const titles = notifier.shown.map((n) => n.title);
    expect(titles.filter((x) => x === 'Skaha refuses your credentials')).toHaveLength(1);
    expect(titles.filter((x) => x === 'Skaha is reachable again')).toHaveLength(1);
  });

  it('after a restart nothing is notified again, and a change during the downtime is notified once', async () => {
    const notifier: RecordingNotifier = recordingNotifier();
    t = await startTestDaemon({ notifier });
    await waitUntil(() => t!.daemon.state().lastPollAt !== null, 'the baseline poll');
    pendingNotebook(t, 'nbbefore');
    await waitUntil(() => notifier.shown.length === 1, 'the first notification');
    await t.daemon.stop('restart');
    const id = pendingNotebook(t, 'nbdowntime');
    const direct = new SkahaClient(createConnection({ url: t.sim.baseUrl, token: t.sim.token }));
    await waitUntil(async () => (await direct.getSession(id)).status === 'Running', 'nbdowntime to run while no daemon runs');
    await direct.close();
    const again = await startDaemon({
      paths: t.paths,
      connection: createConnection({ url: t.sim.baseUrl, token: t.sim.token }),
      notifier,
      config: t.daemon.config(),
    });
    try {
      await waitUntil(() => notifier.shown.some((n) => n.title === 'Session nbdowntime is ready'), 'the downtime change');
      await again.stop('test');
      expect(notifier.shown.map((n) => n.title)).toEqual(['Session nbbefore is ready', 'Session nbdowntime is ready']);
    } finally {
      await again.stop('test');
    }
  });
});
