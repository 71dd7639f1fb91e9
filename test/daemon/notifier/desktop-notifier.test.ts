import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appleScriptString, createDesktopNotifier } from '../../../daemon/notify/desktop-notifier.js';
import { silentLogger, type Logger } from '../../../src/ports/logger.js';
import { createFakeBin } from '../../helpers/fake-bin.js';
import { startPrivateNotificationBus, type PrivateNotificationBus } from '../../helpers/private-dbus.js';

const ready = { title: 'Notebook mynb is ready', body: 'https://example.org/session/notebook/ab12cd34/', urgency: 'normal' as const };

describe('createDesktopNotifier with a fake notify-send first on PATH', () => {
  it('runs notify-send with the app name, urgency, title and body as separate arguments', async () => {
    const bin = createFakeBin(['notify-send']);
    const env = { PATH: `${bin.dir}:/usr/bin:/bin`, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const notifier = createDesktopNotifier(silentLogger, env, 'linux');
    expect(notifier.mechanism).toBe('notify-send');
    const title = 'Job "x"; $(rm -rf /) finished';
    expect(await notifier.notify({ ...ready, title, urgency: 'critical' })).toBe(true);
    expect(bin.calls('notify-send')).toEqual([['-a', 'skaha-tui', '-u', 'critical', '--', title, ready.body]]);
  });

  it('escapes markup in the body and gives notify-send no credentials', async () => {
    const bin = createFakeBin(['notify-send']);
    const env = {
      PATH: `${bin.dir}:/usr/bin:/bin`,
      DBUS_SESSION_BUS_ADDRESS: 'x',
      SKAHA_TOKEN: 'tok-123456',
      SKAHA_REGISTRY_SECRET: 'reg-123456',
      CANFAR_TOKEN: 'c-123456',
    };
    const notifier = createDesktopNotifier(silentLogger, env, 'linux');
    expect(await notifier.notify({ ...ready, body: '<a href="https://evil.example/">click</a> & <b>x</b>' })).toBe(true);
    expect(bin.calls('notify-send')[0].at(-1)).toBe('&lt;a href="https://evil.example/"&gt;click&lt;/a&gt; &amp; &lt;b&gt;x&lt;/b&gt;');
    expect(bin.env('notify-send')[0]).not.toMatch(/tok-123456|reg-123456|c-123456|SKAHA_TOKEN|CANFAR_TOKEN|REGISTRY_SECRET/);
  });

  it('reports a failing notify-send as false and logs it, without throwing', async () => {
    const bin = createFakeBin(['notify-send'], 1);
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (m) => void warnings.push(m) };
    const notifier = createDesktopNotifier(logger, { PATH: bin.dir, DBUS_SESSION_BUS_ADDRESS: 'x' }, 'linux');
    expect(await notifier.notify(ready)).toBe(false);
    expect(warnings.join()).toMatch(/notify-send failed/);
  });

  it('delivers nothing without a session bus, rather than failing', async () => {
    const bin = createFakeBin(['notify-send']);
    const notifier = createDesktopNotifier(silentLogger, { PATH: bin.dir }, 'linux');
    expect(notifier.mechanism).toBe('none');
    expect(await notifier.notify(ready)).toBe(false);
    expect(bin.calls('notify-send')).toEqual([]);
  });

  it('uses osascript on macOS with quoted AppleScript strings', () => {
    expect(createDesktopNotifier(silentLogger, { PATH: '' }, 'darwin').mechanism).toBe('osascript');
    expect(appleScriptString('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });
});

describe('createDesktopNotifier with the real notify-send on a private D-Bus session bus', () => {
  let bus: PrivateNotificationBus;
  beforeAll(async () => {
    bus = await startPrivateNotificationBus();
  });
  afterAll(() => bus?.stop());

  it('delivers the notification to the notification server', async () => {
    const notifier = createDesktopNotifier(silentLogger, { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: bus.address }, 'linux');
    expect(notifier.mechanism).toBe('notify-send');
    expect(await notifier.notify({ ...ready, urgency: 'critical' })).toBe(true);
    expect(existsSync(bus.logFile)).toBe(true);
    const calls = readFileSync(bus.logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(calls).toEqual([{ app: 'skaha-tui', summary: ready.title, body: ready.body, urgency: 2 }]);
  });
});
