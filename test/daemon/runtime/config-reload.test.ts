import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../../../daemon/daemon.js';
import { settingsConnector } from '../../../daemon/runtime/connect.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { makeCert } from '../../config/pem.js';
import { makeShortHome, recordingNotifier, startTestDaemon, type TestDaemon } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

const POLLING = { fastMs: 500, normalMs: 1_000, slowMs: 2_000, backoffCapMs: 1_000, statsMs: 1_000 };
const TIMING = { watchDebounceMs: 50, missingDirPollMs: 50 };

let t: TestDaemon | undefined;
let sim: RunningSimulator | undefined;
let daemon: RunningDaemon | undefined;
const homes: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  await daemon?.stop('test over');
  await sim?.close();
  t = daemon = sim = undefined;
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function writeConfig(file: string, config: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
}

/** A daemon that resolves its connection from the temp home's config file, as `skaha-tui daemon` does. */
async function settingsDaemon(config: Record<string, unknown>): Promise<{ daemon: RunningDaemon; file: string }> {
  sim = await startSimulator({ seed: 3 });
  const { home, env, paths } = makeShortHome();
  homes.push(home);
  writeConfig(paths.configFile, { url: sim.baseUrl, ...config });
  daemon = await startDaemon({ paths, connect: settingsConnector({}, env, paths, silentLogger), notifier: recordingNotifier(), timing: TIMING });
  return { daemon, file: paths.configFile };
}

describe('config reload', () => {
  it('applies a valid change without a restart; an invalid file keeps the old config and raises a warning naming the problem', async () => {
    t = await startTestDaemon({ configFromFile: true });
    const client = await t.client();
    writeConfig(t.paths.configFile, { polling: POLLING });
    await waitUntil(() => t!.daemon.config().polling.normalMs === 1_000, 'the first config file');

    writeConfig(t.paths.configFile, { polling: { ...POLLING, normalMs: 3_000 }, notifications: { quiet: true, terminal: 'bel' } });
    await waitUntil(() => t!.daemon.config().notifications.quiet, 'quiet to apply');
    expect(await client.call('config.get')).toMatchObject({ polling: { normalMs: 3_000 }, notifications: { quiet: true, terminal: 'bel' } });
    await client.waitForState((s) => s.config.changedAt !== null && s.config.warning === null);

    writeConfig(t.paths.configFile, { polling: { ...POLLING, fastMs: 'fast' }, notifications: { quiet: false } });
    const warning = await client.waitForEvent('warning');
    expect(warning.code).toBe('CONFIG_ERROR');
    expect(warning.message).toMatch(/polling\.fastMs: must be a number/);
    expect(t.daemon.config().notifications.quiet).toBe(true);
    expect(t.daemon.config().polling).toMatchObject({ fastMs: 500, normalMs: 3_000 });
    await client.waitForState((s) => (s.config.warning ?? '').includes('polling.fastMs'));

    const seen = client.frames.length;
    writeConfig(t.paths.configFile, '{ not json');
    const second = await client.waitForEvent('warning', () => true, 10_000, seen);
    expect(second.message).toMatch(/config\.json: is not valid JSON/);
    expect(t.daemon.config().notifications.quiet).toBe(true);
  });

  it('reconnects and polls at once when the credentials in the config file change, even while backing off', async () => {
    // A 10-minute back-off cap: only the reconnect can bring the next poll within the test.
    const slow = { polling: { ...POLLING, backoffCapMs: 600_000 } };
    const { daemon: d, file } = await settingsDaemon({ token: 'not-the-right-token', ...slow });
    await waitUntil(() => d.state().health.lastError?.code === 'SKAHA_UNAUTHORIZED', '401 from the wrong token');
    expect(d.state().health.state).toBe('refused');
    writeConfig(file, { url: sim!.baseUrl, token: sim!.token, ...slow });
    await waitUntil(() => d.state().health.state === 'ok', 'the poll after the reconnect', 5_000);
    expect(d.state().credentials).toMatchObject({ kind: 'token', source: 'config' });
  });

  it('reconnects when the certificate file changes (a renewed proxy certificate)', async () => {
    const short = makeCert({ cn: 'short', days: 1 });
    const long = makeCert({ cn: 'long', days: 30, dir: dirname(short.combinedPath) });
    const pem = join(dirname(short.combinedPath), 'cadcproxy.pem');
    copyFileSync(short.combinedPath, pem);
    const { daemon: d } = await settingsDaemon({ certificate: pem });
    await waitUntil(() => d.state().credentials?.kind === 'certificate', 'the certificate status');
    const before = d.state().credentials!.expiresAt!;
    copyFileSync(long.combinedPath, pem);
    await waitUntil(() => d.state().credentials?.expiresAt !== before, 'the renewed certificate', 5_000);
    expect(Date.parse(d.state().credentials!.expiresAt!)).toBeGreaterThan(Date.parse(before));
    expect(d.state().credentials).toMatchObject({ kind: 'certificate', source: 'config', path: pem });
  });
});
