// The BUILT binary streaming from a REAL daemon polling a simulator: logs --follow and watch --json, ended with Ctrl-C.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin, startBin, type LiveBin } from './spawn-cli.js';

let td: TestDaemon;
const live: LiveBin[] = [];
const env = (extra: Record<string, string> = {}) =>
  isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, SKAHA_URL: td.sim.baseUrl, SKAHA_TOKEN: td.sim.token, ...extra });
const start = (args: string[]) => {
  const bin = startBin(args, env());
  live.push(bin);
  return bin;
};

beforeAll(async () => {
  assertBuilt();
  td = await startTestDaemon({ sim: { speed: 100 }, config: { logs: { refreshMs: 100, bufferLines: 10_000, keepHours: 24 } } });
  await waitUntil(() => td.daemon.state().lastPollAt !== null, 'the first poll');
});
afterAll(async () => {
  for (const bin of live) bin.child.kill('SIGKILL');
  await td?.cleanup();
});

describe('streams through a running daemon', { timeout: 60_000 }, () => {
  it('logs --follow prints the log, then the lines the simulator writes later; Ctrl-C ends it with exit 0', async () => {
    const id = td.sim.seedSession({ kind: 'notebook', name: 'chatty', ageSeconds: 0.2, pendingSeconds: 0.1 });
    await waitUntil(() => Boolean(td.daemon.state().sessions[id]), 'the daemon to cache the notebook');
    const follow = start(['logs', id, '--follow']);
    await waitUntil(() => follow.stdout().includes('Jupyter Server 2.14.2 is running at:'), 'the start-up lines', 15_000);
    const seenAtStart = follow.stdout();
    td.sim.advance(20 * 60_000); // 20 more simulated minutes: a periodic line every 40-180 s
    await waitUntil(() => follow.stdout().split('\n').length > seenAtStart.split('\n').length + 3, 'lines written after the follow began', 15_000);
    expect(follow.stdout().startsWith(seenAtStart)).toBe(true);
    expect(follow.stdout().slice(seenAtStart.length)).toMatch(/Kernel started|Saving file|Connecting to kernel|404 GET/);
    const lines = follow.stdout().trimEnd().split('\n');
    expect(new Set(lines).size).toBe(lines.length); // nothing printed twice
    follow.child.kill('SIGINT');
    expect(await follow.exited).toEqual({ code: 0, signal: null });
    expect(follow.stderr()).toBe('');
  });

  it('watch --json prints a status-changed line when a launched session becomes Running; Ctrl-C ends it with exit 0', async () => {
    const watch = start(['watch', '--json', '-v']);
    await waitUntil(() => watch.stderr().includes('watching events'), 'watch to subscribe', 15_000);
    const launched = await runBin(['launch', 'notebook', 'skaha/astroml:latest', '--name', 'watched', '--json'], env());
    expect(launched.code, launched.stderr).toBe(0);
    const [{ id }] = JSON.parse(launched.stdout) as Array<{ id: string }>;
    const running = () =>
      watch
        .stdout()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { topic: string; data: { to?: string; at?: unknown; session?: { id: string } } })
        .find((e) => e.topic === 'session:status-changed' && e.data.session?.id === id && e.data.to === 'Running');
    await waitUntil(() => running() !== undefined, 'a status-changed line for the launched session', 15_000);
    expect(Object.keys(running()!).sort()).toEqual(['data', 'topic']);
    expect(running()!.data.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    watch.child.kill('SIGINT');
    expect(await watch.exited).toEqual({ code: 0, signal: null });
  });
});
