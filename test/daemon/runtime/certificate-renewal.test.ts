import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDaemon, type RunningDaemon } from '../../../daemon/daemon.js';
import { settingsConnector } from '../../../daemon/runtime/connect.js';
import { silentLogger } from '../../../src/ports/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { makeCert } from '../../config/pem.js';
import { makeShortHome, recordingNotifier } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';

let sim: RunningSimulator | undefined;
let daemon: RunningDaemon | undefined;
const homes: string[] = [];
afterEach(async () => {
  await daemon?.stop('test over');
  await sim?.close();
  daemon = sim = undefined;
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A daemon resolving its connection from the temp home (own config and canfar config), as `skaha-tui daemon` does. */
async function certDaemon(setup: (home: string, configFile: string) => void): Promise<RunningDaemon> {
  sim = await startSimulator({ seed: 4 });
  const { home, env, paths } = makeShortHome();
  homes.push(home);
  mkdirSync(dirname(paths.configFile), { recursive: true });
  setup(home, paths.configFile);
  daemon = await startDaemon({
    paths,
    connect: settingsConnector({}, env, paths, silentLogger),
    notifier: recordingNotifier(),
    timing: { watchDebounceMs: 50, missingDirPollMs: 50 },
  });
  return daemon;
}

describe('a renewed proxy certificate is picked up without a restart', () => {
  it('when the certificate named by the config had already expired at start (the refused file is watched)', async () => {
    const expired = makeCert({ cn: 'old', expired: true });
    const renewed = makeCert({ cn: 'new', days: 30, dir: dirname(expired.combinedPath) });
    const pem = join(dirname(expired.combinedPath), 'proxy.pem');
    copyFileSync(expired.combinedPath, pem);
    const d = await certDaemon((_home, configFile) => writeFileSync(configFile, JSON.stringify({ url: sim!.baseUrl, certificate: pem })));
    await waitUntil(() => d.state().health.lastError?.code === 'CREDENTIALS_ERROR', 'the refusal of the expired certificate');
    expect(d.state().health.lastError?.message).toMatch(/expired at .* — get a new proxy certificate with `cadc-get-cert -u <username>` \(or `canfar login`\)/);
    copyFileSync(renewed.combinedPath, pem);
    await waitUntil(() => d.state().credentials?.kind === 'certificate', 'the renewed certificate', 5_000);
    expect(d.state().credentials).toMatchObject({ kind: 'certificate', source: 'config', path: pem });
    expect(Date.parse(d.state().credentials!.expiresAt!)).toBeGreaterThan(Date.now() + 20 * 86400_000);
  });

  it('when the canfar config names it (x509 mode), also after a renewal that was first written half', async () => {
    const good = makeCert({ cn: 'first', days: 2 });
    const renewed = makeCert({ cn: 'second', days: 30, dir: dirname(good.combinedPath) });
    const pem = join(dirname(good.combinedPath), 'cadc.pem');
    copyFileSync(good.combinedPath, pem);
    const d = await certDaemon((home) => {
      mkdirSync(join(home, '.canfar'));
      const yaml = `active: {authentication: cadc, server: sim}\nauthentication:\n  cadc: {mode: x509, path: ${pem}}\nservers:\n  sim: {url: ${sim!.baseUrl}, version: v1}\n`;
      writeFileSync(join(home, '.canfar', 'config.yaml'), yaml);
    });
    await waitUntil(() => d.state().credentials?.path === pem, 'the certificate from the canfar config');
    const before = d.state().credentials!.expiresAt!;
    writeFileSync(pem, good.cert);
    await waitUntil(() => d.state().health.lastError?.code === 'CREDENTIALS_ERROR', 'the refusal of the half-written file', 5_000);
    copyFileSync(renewed.combinedPath, pem);
    await waitUntil(() => d.state().credentials?.expiresAt !== before && d.state().credentials?.kind === 'certificate', 'the renewed certificate', 5_000);
    expect(d.state().credentials).toMatchObject({ kind: 'certificate', source: 'canfar-config', path: pem });
    expect(Date.parse(d.state().credentials!.expiresAt!)).toBeGreaterThan(Date.parse(before));
  });
});
