// The BUILT binary's `storage` against the simulator's home node: through a REAL daemon and directly,
// and on a server without a storage service ("storage unknown", never an error).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

let td: TestDaemon | undefined;
const env = (d: TestDaemon) => isolatedEnv(d.home, { SKAHA_TUI_HOME: d.env.SKAHA_TUI_HOME!, SKAHA_URL: d.sim.baseUrl, SKAHA_TOKEN: d.sim.token });
const slow = 600_000;
const polling = { fastMs: slow, normalMs: slow, slowMs: slow, fastAfterActionMs: 0, statsMs: slow, backoffCapMs: slow };

async function daemonWith(storage: { service?: 'arc' | 'cavern' | 'none'; usedGiB?: number; quotaGiB?: number }): Promise<TestDaemon> {
  const d = await startTestDaemon({ polling, sim: { storage } });
  d.sim.seedSession({ kind: 'notebook', user: 'alice', name: 'nb' });
  await (await d.client()).call('refresh');
  await waitUntil(() => d.daemon.state().storage !== null, 'the first storage read');
  return d;
}

beforeAll(() => assertBuilt());
afterEach(async () => {
  await td?.cleanup();
  td = undefined;
});

describe('storage from the home node', { timeout: 60_000 }, () => {
  it("--json gives the node's use and quota, as the daemon read them (no request of its own)", async () => {
    td = await daemonWith({ service: 'cavern', usedGiB: 83.25, quotaGiB: 100 });
    const before = td.sim.requestCount();
    const r = await runBin(['storage', '--json'], env(td));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      user: 'alice',
      node: '/cavern/nodes/home/alice',
      usedGiB: 83.25,
      quotaGiB: 100,
      percent: 83.3,
      usedBytes: 83.25 * 2 ** 30,
      quotaBytes: 100 * 2 ** 30,
      unknown: null,
      high: false,
    });
    expect(td.sim.requestCount()).toBe(before);
    const text = await runBin(['storage'], env(td));
    expect(text.stdout).toMatch(/^Used:\s+83\.25 GiB\nQuota:\s+100 GiB\nShare:\s+83\.3%\nNode:\s+\/cavern\/nodes\/home\/alice\nRead:\s+\d{4}-/);
  });

  it('--no-daemon reads the node itself', async () => {
    td = await daemonWith({ service: 'arc', usedGiB: 37.5, quotaGiB: 100 });
    const r = await runBin(['storage', '--json', '--no-daemon'], env(td));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ node: '/arc/nodes/home/alice', usedGiB: 37.5, quotaGiB: 100, percent: 37.5, unknown: null });
  });

  it('a server without the storage service shows "storage unknown", exit 0', async () => {
    td = await daemonWith({ service: 'none' });
    const r = await runBin(['storage'], env(td));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('storage unknown: this server has no storage service (no home node answered)\n');
    expect(r.stderr).toBe('');
    const json = await runBin(['storage', '--json'], env(td));
    expect(JSON.parse(json.stdout)).toMatchObject({ usedBytes: null, unknown: 'this server has no storage service (no home node answered)' });
    const direct = await runBin(['storage', '--no-daemon'], env(td));
    expect(direct.code, direct.stderr).toBe(0);
    expect(direct.stdout).toMatch(/^storage unknown: this server has no storage service/);
  });
});
