// The BUILT binary against a REAL daemon polling a simulator: launch, delete, renew, prune, open and --wait go through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBin } from '../helpers/fake-bin.js';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

let td: TestDaemon;
const env = (extra: Record<string, string> = {}) =>
  isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, SKAHA_URL: td.sim.baseUrl, SKAHA_TOKEN: td.sim.token, ...extra });
const state = () => td.daemon.state();
const cached = (id: string) => waitUntil(() => Boolean(state().sessions[id]), `the daemon to cache ${id}`);

beforeAll(async () => {
  assertBuilt();
  td = await startTestDaemon({ sim: { speed: 100, headlessRunSeconds: 5 } });
  await waitUntil(() => state().lastPollAt !== null, 'the first poll');
});
afterAll(async () => {
  await td?.cleanup();
});

describe('writes through a running daemon', { timeout: 60_000 }, () => {
  it('launch, renew and delete are requests to the daemon, which records them', async () => {
    const launched = await runBin(['launch', 'notebook', 'skaha/astroml:latest', '--name', 'via-daemon', '--json', '-v'], env());
    expect(launched.code, launched.stderr).toBe(0);
    expect(launched.stderr).toMatch(/INFO  going through the daemon request="launch"/);
    const [{ id }] = JSON.parse(launched.stdout) as Array<{ name: string; id: string }>;
    expect(state().launches.at(-1)).toMatchObject({ request: { name: 'via-daemon', kind: 'notebook' }, results: [{ name: 'via-daemon', id }] });
    await cached(id);

    // A session renewed within a second of its start keeps its expiry (Skaha counts whole seconds): renew one that has run a while.
    const old = td.sim.seedSession({ kind: 'notebook', name: 'renew-me', ageSeconds: 600, expiresInSeconds: 600 });
    await cached(old);
    const renewsBefore = td.sim.requestCount('session.renew');
    const activityBefore = state().lastActivityAt ?? 0;
    const renewed = await runBin(['renew', old], env());
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(renewed.stdout).toMatch(new RegExp(`^Renewed session ${old} until \\d\\d:\\d\\d \\w{3} \\(in .+\\)\\.\\n$`));
    expect(td.sim.requestCount('session.renew')).toBe(renewsBefore + 1);
    expect(state().lastActivityAt).toBeGreaterThan(activityBefore);

    const deleted = await runBin(['delete', '--force', id], env());
    expect(deleted).toMatchObject({ code: 0, stdout: `Deleted session ${id}.\n` });
    expect(state().deletes[id]).toEqual(expect.any(Number));
  });

  it('an image the catalogue does not list, or a kind it does not run as, is refused before anything is sent', async () => {
    const creates = td.sim.requestCount('session.create');
    const typo = await runBin(['launch', 'headless', 'skaha/astroml:lates', '--name', 'typo'], env());
    expect(typo.code, typo.stderr).toBe(2);
    expect(typo.stderr).toContain('skaha/astroml:lates is not in the image catalogue — did you mean skaha/astroml:latest?');
    const kind = await runBin(['launch', 'carta', 'skaha/astroml', '--name', 'wrongkind'], env());
    expect(kind.code, kind.stderr).toBe(2);
    expect(kind.stderr).toContain('skaha/astroml:latest does not run as carta: the image catalogue lists it for notebook, headless');
    expect(td.sim.requestCount('session.create')).toBe(creates);
    // With registry credentials an image outside the catalogue is sent: private images are not in it.
    const creds = { SKAHA_REGISTRY_USERNAME: 'alice', SKAHA_REGISTRY_SECRET: 'registry-secret-1' };
    const priv = await runBin(['launch', 'headless', 'myproject/private:1', '--name', 'priv', '--json'], env(creds));
    expect(priv.code, priv.stderr).toBe(0);
    expect(td.sim.requestCount('session.create')).toBe(creates + 1);
  });

  it('prune deletes only the Completed headless jobs whose names match', async () => {
    const keep = [
      td.sim.seedSession({ kind: 'headless', name: 'prn-failed', status: 'Failed', finishedSecondsAgo: 5 }),
      td.sim.seedSession({ kind: 'headless', name: 'other-1', status: 'Completed', finishedSecondsAgo: 5 }),
      td.sim.seedSession({ kind: 'notebook', name: 'prn-nb' }),
    ];
    const go = td.sim.seedReplicas({ kind: 'headless', name: 'prn', status: 'Completed', finishedSecondsAgo: 5 }, 2);
    await waitUntil(() => [...keep, ...go].every((id) => state().sessions[id]), 'the daemon to cache the seeded sessions');
    const r = await runBin(['prune', 'prn', '--force', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ id: string; name: string; ok: boolean }>;
    expect(results.map((x) => x.name).sort()).toEqual(['prn-1', 'prn-2']);
    expect(results.every((x) => x.ok)).toBe(true);
    expect(
      Object.keys(state().deletes)
        .filter((id) => [...keep, ...go].includes(id))
        .sort(),
    ).toEqual([...go].sort());
    await waitUntil(() => go.every((id) => !state().sessions[id]), 'the pruned jobs to leave the listing');
    expect(keep.every((id) => state().sessions[id])).toBe(true);
    expect((await runBin(['prune', 'prn'], env())).code).toBe(2);
  });

  it('launch --wait on 2 headless replicas ends with both finished', async () => {
    const r = await runBin(['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'waited', '--wait', '--', 'echo', 'hi'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Successfully created session 'waited-1' \(ID: (\w+)\)\nSuccessfully created session 'waited-2' \(ID: \w+\)\n/);
    expect(r.stdout).toMatch(/\nJob 'waited-1' \(\w+\) finished: Completed\nJob 'waited-2' \(\w+\) finished: Completed\n$/);
    expect(r.stderr).toMatch(/^2 sessions: /m);
  });

  it('open --wait shows progress while Pending, then opens the URL with $BROWSER', async () => {
    const browser = createFakeBin(['fake-browser']);
    const id = td.sim.seedSession({ kind: 'notebook', name: 'opens-later', status: 'Pending', ageSeconds: 0.1, pendingSeconds: 2.5 });
    await cached(id);
    const refused = await runBin(['open', id], env({ BROWSER: `${browser.dir}/fake-browser` }));
    expect(refused).toMatchObject({ code: 1, stderr: `error: session ${id} is Pending: add --wait to open it once it runs\n` });
    const r = await runBin(['open', id, '--wait'], env({ BROWSER: `${browser.dir}/fake-browser` }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^opens-later \\(${id}\\): Pending, \\d+s`, 'm'));
    const url = state().sessions[id].url!;
    expect(url).toContain(`/session/notebook/${id}/`);
    expect(r.stdout).toBe(`Opened session ${id} in your browser: ${url}\n`);
    expect(browser.calls('fake-browser')).toEqual([[url]]);
  });
});
