import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDaemonLogger } from '../../../daemon/daemon-logger.js';
import { startDaemon, type RunningDaemon } from '../../../daemon/daemon.js';
import { settingsConnector } from '../../../daemon/runtime/connect.js';
import type { Connected, Connector } from '../../../daemon/runtime/api-holder.js';
import type { Paths } from '../../../src/config/paths.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { makeCert } from '../../config/pem.js';
import { makeShortHome, recordingNotifier } from '../../helpers/start-daemon.js';
import { TestClient } from '../../helpers/ws-client.js';
import { waitUntil } from '../../helpers/wait-until.js';

const REGISTRY_SECRET = 'registry-secret-5f2a9c81d3';
const ENV_SECRET = 'env-secret-value-77e1b0';
let sim: RunningSimulator | undefined;
let daemon: RunningDaemon | undefined;
const clients: TestClient[] = [];
const homes: string[] = [];
afterEach(async () => {
  await daemon?.stop('test over');
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await sim?.close();
  daemon = sim = undefined;
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** Starts a debug-logging daemon whose connection comes from the config file, as `skaha-tui daemon` runs it. */
async function daemonWithConfig(config: Record<string, unknown>, users?: Record<string, string>): Promise<{ paths: Paths; client: TestClient }> {
  sim = await startSimulator({ seed: 5, users });
  const { home, env, paths } = makeShortHome();
  homes.push(home);
  mkdirSync(dirname(paths.configFile), { recursive: true });
  writeFileSync(
    paths.configFile,
    JSON.stringify({ url: sim.baseUrl, logLevel: 'debug', polling: { fastMs: 500, normalMs: 1_000, statsMs: 1_000, backoffCapMs: 1_000 }, ...config }),
  );
  const secrets = new Set<string>();
  const logger = createDaemonLogger({ file: paths.daemonLog, level: 'debug', secrets: () => [...secrets] });
  const base = settingsConnector({}, env, paths, logger);
  const connect: Connector = async (): Promise<Connected> => {
    const connected = await base();
    connected.secrets.forEach((s) => secrets.add(s));
    return connected;
  };
  daemon = await startDaemon({ paths, connect, logger, notifier: recordingNotifier(), timing: { watchDebounceMs: 50, missingDirPollMs: 50 } });
  const client = await TestClient.open({ target: paths.socketPath, name: 'grep' });
  clients.push(client);
  return { paths, client };
}

/** Everything the daemon wrote that a secret must never reach: the state file, its log, every frame a client got. */
async function written(paths: Paths, client: TestClient): Promise<string> {
  await daemon!.stop('flush everything');
  const state = readFileSync(paths.stateFile, 'utf8');
  const log = existsSync(paths.daemonLog) ? readFileSync(paths.daemonLog, 'utf8') : '';
  expect(state.length).toBeGreaterThan(100);
  expect(log).toMatch(/daemon started/);
  return [state, log, ...client.texts].join('\n');
}

describe('no secret in the state file, the daemon log or any websocket frame', () => {
  it('keeps the token, a launch registry secret and secret env values out', async () => {
    const token = 'sim-token-for-grep-0123456789abcdef';
    const { paths, client } = await daemonWithConfig({ token }, { [token]: 'alice' });
    await waitUntil(() => daemon!.state().health.state === 'ok', 'a good poll with the token');
    const result = await client.call('launch', {
      name: 'private',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      kind: 'headless',
      cmd: 'env',
      env: [`API_TOKEN=${ENV_SECRET}`, 'PLAIN=1'],
      replicas: 2,
      registryAuth: { username: 'alice', secret: REGISTRY_SECRET },
    });
    expect(result.results).toHaveLength(2);
    await client.waitForState((s) => s.launches.some((l) => l.results !== null));
    const launch = client.state!.launches.at(-1)!;
    expect(launch.request).toMatchObject({ registryAuthUsed: true, registryUsername: 'alice', env: ['API_TOKEN=<redacted>', 'PLAIN=1'] });
    await client.call('config.get');
    const everything = await written(paths, client);
    for (const secret of [token, REGISTRY_SECRET, ENV_SECRET, Buffer.from(`alice:${REGISTRY_SECRET}`).toString('base64')]) {
      expect(everything.includes(secret), `found ${secret.slice(0, 8)}…`).toBe(false);
    }
  });

  it('keeps the key material of a certificate out', async () => {
    const pem = makeCert({ cn: 'grep', days: 10 });
    const { paths, client } = await daemonWithConfig({ certificate: pem.combinedPath });
    await waitUntil(() => daemon!.state().credentials?.kind === 'certificate', 'the certificate status');
    await waitUntil(() => daemon!.state().lastPollAt !== null || daemon!.state().health.lastError !== null, 'a poll');
    await client.call('config.get');
    const everything = await written(paths, client);
    const keyLines = pem.key.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
    expect(keyLines.length).toBeGreaterThan(0);
    for (const line of keyLines) expect(everything.includes(line), 'a line of the private key').toBe(false);
    expect(everything).not.toMatch(/PRIVATE KEY/);
  });
});
