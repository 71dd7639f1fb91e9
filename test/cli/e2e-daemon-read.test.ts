// The BUILT binary against a REAL daemon (in this process) polling a simulator: reads come from the daemon's cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

let td: TestDaemon;
const ids: Record<string, string> = {};
const env = (extra: Record<string, string> = {}) =>
  isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, SKAHA_URL: td.sim.baseUrl, SKAHA_TOKEN: td.sim.token, ...extra });

beforeAll(async () => {
  assertBuilt();
  // Slow polling: after the first polls nothing asks Skaha, so any request during a test came from the CLI.
  const slow = 600_000;
  td = await startTestDaemon({ polling: { fastMs: slow, normalMs: slow, slowMs: slow, fastAfterActionMs: 0, statsMs: slow, backoffCapMs: slow } });
  ids.nb = td.sim.seedSession({ kind: 'notebook', user: 'alice', name: 'cached-nb' });
  ids.job = td.sim.seedSession({ kind: 'headless', user: 'alice', name: 'cached-job', status: 'Completed' });
  ids.bob = td.sim.seedSession({ kind: 'carta', user: 'bob', name: 'bobs-carta' });
  const client = await td.client();
  await client.call('refresh');
  await waitUntil(
    () => td.daemon.state().stats !== null && !td.daemon.state().health.stale && Boolean(td.daemon.state().sessions[ids.nb]),
    'the daemon to cache sessions and stats',
  );
});
afterAll(async () => {
  await td?.cleanup();
});

describe('reads through a running daemon', { timeout: 60_000 }, () => {
  it("version --json names the running daemon's version and protocol", async () => {
    const r = await runBin(['version', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { version: string; protocol: number; daemon: { version: string; protocol: number; compatible: boolean } };
    expect(report.daemon).toEqual({ version: report.version, protocol: report.protocol, compatible: true });
  });
  // The CLI must name the daemon's own server and credential to be answered from its cache (else it asks Skaha itself,
  // see test/security/local-user-identity.test.ts), so the request counts alone show that Skaha was not asked.
  it('ps, info and stats answer from the cache: Skaha sees no request', async () => {
    const before = td.sim.requestCount();
    const listsBefore = td.sim.requestCount('session.list');
    const ps = await runBin(['ps', '--all', '--json', '-v'], env());
    expect(ps.code, ps.stderr).toBe(0);
    expect((JSON.parse(ps.stdout) as Array<{ id: string }>).map((s) => s.id).sort()).toEqual([ids.nb, ids.job].sort());
    expect(ps.stderr).toMatch(/INFO  answering from the daemon cache/);
    const same = env();
    const info = await runBin(['info', ids.nb, '--json'], same);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout)[0]).toMatchObject({ id: ids.nb, name: 'cached-nb', status: 'Running' });
    const stats = await runBin(['stats', '--json'], same);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual(td.daemon.state().stats);
    expect((await runBin(['ps'], same)).stdout).toContain('cached-nb');
    expect(td.sim.requestCount('session.list')).toBe(listsBefore);
    expect(td.sim.requestCount()).toBe(before);
  });
  it('--no-daemon asks Skaha (the control: the same answer, one more listing)', async () => {
    const before = td.sim.requestCount('session.list');
    const cached = await runBin(['ps', '--all', '--json'], env());
    const direct = await runBin(['ps', '--all', '--json', '--no-daemon'], env());
    expect(direct.code).toBe(0);
    // Usage numbers move between polls; who is listed, and how, must not.
    const shape = (stdout: string) => (JSON.parse(stdout) as Array<{ id: string; name: string; status: string }>).map((s) => `${s.id} ${s.name} ${s.status}`);
    expect(shape(direct.stdout)).toEqual(shape(cached.stdout));
    expect(td.sim.requestCount('session.list')).toBe(before + 1);
  });
  it("ps --all-users shows another user's session (view=all), asked directly", async () => {
    const r = await runBin(['ps', '--all-users', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ user: string; kind: string; status: string; startedAt: string | null }>;
    expect(rows).toContainEqual({ user: 'bob', kind: 'carta', status: 'Running', startedAt: expect.any(String) });
    expect(rows.every((row) => Object.keys(row).sort().join() === 'kind,startedAt,status,user')).toBe(true);
    const table = await runBin(['ps', '--all-users'], env());
    expect(table.stdout).toMatch(/^USER\s+KIND\s+STATUS\s+STARTED\n/);
    expect(table.stdout).toMatch(/\nbob\s+carta\s+Running\s+\d/);
  });
  it('--log-level debug prints the diagnostics (requests, path decisions) without the token', async () => {
    const r = await runBin(['ps', '--no-daemon', '--log-level', 'debug'], env());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/DEBUG skaha request method="GET" url="http:\/\/127\.0\.0\.1:\d+\/skaha\/v1\/session" status=200/);
    expect(r.stderr).toMatch(/INFO  --no-daemon given: not using the daemon/);
    const viaDaemon = await runBin(['info', ids.nb, '-vv'], env());
    expect(viaDaemon.stderr).toMatch(/INFO  answering from the daemon cache/);
    for (const out of [r.stderr, r.stdout, viaDaemon.stderr]) {
      expect(out).not.toContain(td.sim.token);
      expect(out).not.toContain('***');
    }
  });
});
