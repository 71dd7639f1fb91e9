// The BUILT binary against a REAL daemon polling a simulator: relaunch, rerun of failed replicas, job files,
// profiles and --dry-run, checked by what the simulator received (its request log).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isFinished } from '../../src/domain/session.js';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

let td: TestDaemon;
let dir: string;
const env = (extra: Record<string, string> = {}) =>
  isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, SKAHA_URL: td.sim.baseUrl, SKAHA_TOKEN: td.sim.token, ...extra });
const state = () => td.daemon.state();

/** The query of every create the simulator received since the last reset, in order. */
const creates = () =>
  td.sim
    .requestLog()
    .filter((r) => r.endpoint === 'session.create')
    .map((r) => new URL(r.url, 'http://sim').searchParams);
const writes = () => td.sim.requestLog().filter((r) => ['session.create', 'session.delete', 'session.renew'].includes(r.endpoint));

async function launched(args: string[], extra: Record<string, string> = {}): Promise<string[]> {
  const dash = args.indexOf('--');
  const r = await runBin(dash < 0 ? [...args, '--json'] : [...args.slice(0, dash), '--json', ...args.slice(dash)], env(extra));
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id);
}

const finished = (ids: string[]) =>
  waitUntil(() => ids.every((id) => state().sessions[id] && isFinished(state().sessions[id])), `${ids.join(' ')} to finish`, 20_000);

beforeAll(async () => {
  assertBuilt();
  td = await startTestDaemon({ sim: { speed: 100, headlessRunSeconds: 5 } });
  dir = mkdtempSync(join(tmpdir(), 'relaunch-'));
  await waitUntil(() => state().lastPollAt !== null, 'the first poll');
});
afterAll(async () => {
  await td?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  td.sim.clearFaults();
  td.sim.resetRequests();
});

describe('relaunch', { timeout: 60_000 }, () => {
  it('launches a finished job again with the same kind, image, resources, command, arguments and environment', async () => {
    const [id] = await launched([
      'launch',
      'headless',
      'skaha/terminal:1.1.1',
      '--name',
      'once',
      '--cores',
      '2',
      '--ram',
      '4',
      '--env',
      'MODE=fast',
      '--',
      'python',
      'fit.py',
      '--all',
    ]);
    await finished([id]);
    td.sim.resetRequests();
    const [again] = await launched(['relaunch', id]);
    expect(again).not.toBe(id);
    const [sent] = creates();
    expect(Object.fromEntries(sent)).toMatchObject({
      name: 'once',
      image: 'images.canfar.net/skaha/terminal:1.1.1',
      cores: '2',
      ram: '4',
      type: 'headless',
      cmd: 'python',
      args: 'fit.py --all',
    });
    expect(sent.getAll('env')).toEqual(['MODE=fast', 'REPLICA_ID=1', 'REPLICA_COUNT=1']);
    // Overrides: a new name, and an env value replaced.
    td.sim.resetRequests();
    await launched(['relaunch', id, '--name', 'twice', '--env', 'MODE=slow']);
    expect(creates()[0].get('name')).toBe('twice');
    expect(creates()[0].getAll('env')).toEqual(['MODE=slow', 'REPLICA_ID=1', 'REPLICA_COUNT=1']);
  });

  it('a secret env value is never kept: it must be given again, and nothing is sent until it is', async () => {
    const [id] = await launched(['launch', 'headless', 'skaha/terminal:1.1.1', '--name', 'sec', '--env', 'DB_PASS=hunter2-secret', '--', 'true']);
    expect(JSON.stringify(state().launches)).not.toContain('hunter2-secret');
    td.sim.resetRequests();
    const refused = await runBin(['relaunch', id], env());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('DB_PASS has no value');
    expect(refused.stderr).toContain('--env DB_PASS=VALUE');
    expect(writes()).toEqual([]);
    await launched(['relaunch', id, '--env', 'DB_PASS'], { DB_PASS: 'from-the-shell' });
    expect(creates()[0].getAll('env')).toContain('DB_PASS=from-the-shell');
  });

  it('a session skaha-tui did not launch is rebuilt from what it shows, saying what could not be known', async () => {
    const id = td.sim.seedSession({ kind: 'headless', name: 'seeded', status: 'Completed', finishedSecondsAgo: 1, cores: 3, ram: 8, cmd: 'secret-cmd' });
    await waitUntil(() => Boolean(state().sessions[id]), 'the seeded job');
    const r = await runBin(['relaunch', id, '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `warning: session ${id} was not launched through the skaha-tui daemon, so its command, arguments and environment could not be known`,
    );
    expect(Object.fromEntries(creates()[0])).toMatchObject({ name: 'seeded', type: 'headless', cores: '3', ram: '8' });
    expect(creates()[0].has('cmd')).toBe(false);
  });

  it('--failed reruns exactly the failed replicas, each with its REPLICA_ID and the REPLICA_COUNT', async () => {
    td.sim.setFaults({ failReplicas: [2, 4] });
    const ids = await launched(['launch', 'headless', 'skaha/terminal:1.1.1', '--name', 'arr', '--replicas', '5', '--', 'python', 'run.py']);
    td.sim.clearFaults();
    await finished(ids);
    expect(ids.map((id) => state().sessions[id].status)).toEqual(['Completed', 'Failed', 'Completed', 'Failed', 'Completed']);
    td.sim.resetRequests();
    const r = await runBin(['relaunch', 'arr', '--failed', '--json'], env());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Rerunning 2 failed replicas of arr (of 5): 2, 4');
    const rerun = JSON.parse(r.stdout) as Array<{ name: string; id: string }>;
    expect(rerun.map((x) => x.name)).toEqual(['arr-2', 'arr-4']);
    expect(creates().map((q) => [q.get('name'), q.get('cmd'), q.getAll('env')])).toEqual([
      ['arr-2', 'python', ['REPLICA_ID=2', 'REPLICA_COUNT=5']],
      ['arr-4', 'python', ['REPLICA_ID=4', 'REPLICA_COUNT=5']],
    ]);
    await finished(rerun.map((x) => x.id));
    // Every replica has now succeeded once: there is nothing left to rerun, found by a member's id too.
    td.sim.resetRequests();
    const again = await runBin(['relaunch', ids[0], '--failed'], env());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('No failed replicas in arr (5 Completed): nothing to rerun.\n');
    expect(writes()).toEqual([]);
  });

  it('unknown ids and groups are refused before anything is sent', async () => {
    expect((await runBin(['relaunch', 'zzzz9999'], env())).code).toBe(1);
    expect((await runBin(['relaunch', 'nosuchgroup', '--failed'], env())).stderr).toContain('no replica group nosuchgroup');
    expect((await runBin(['relaunch', '../x'], env())).code).toBe(2);
    expect(writes()).toEqual([]);
  });
});

describe('job files and profiles', { timeout: 60_000 }, () => {
  it('launch -f launches what the file describes; flags override it', async () => {
    const file = join(dir, 'fit.yaml');
    writeFileSync(
      file,
      'kind: headless\nimage: skaha/terminal:1.1.1\nname: fromfile\ncores: 2\nram: 4\ncmd: python\nargs: [fit.py, --fast]\nenv:\n  MODE: slow\n  KEEP: "yes"\n',
    );
    await launched(['launch', '-f', file]);
    expect(Object.fromEntries(creates()[0])).toMatchObject({ name: 'fromfile', cores: '2', ram: '4', cmd: 'python', args: 'fit.py --fast' });
    td.sim.resetRequests();
    await launched(['launch', '-f', file, '--cores', '4', '--name', 'override', '--env', 'MODE=fast', '--', 'bash', 'other.sh']);
    const [sent] = creates();
    expect(Object.fromEntries(sent)).toMatchObject({ name: 'override', cores: '4', ram: '4', cmd: 'bash', args: 'other.sh' });
    expect(sent.getAll('env')).toEqual(['KEEP=yes', 'MODE=fast', 'REPLICA_ID=1', 'REPLICA_COUNT=1']);
  });

  it('a job file with an unknown key or inline registry credentials is refused, naming the key and the file', async () => {
    const typo = join(dir, 'typo.yaml');
    writeFileSync(typo, 'kind: notebook\nimage: skaha/astroml\ncpu: 2\n');
    const r = await runBin(['launch', '-f', typo], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${typo}: unknown key "cpu" — a job file holds kind, image, name, cores, ram, gpus, replicas, cmd, args, env, registry`);
    const inline = join(dir, 'inline.json');
    writeFileSync(inline, JSON.stringify({ kind: 'notebook', image: 'skaha/astroml', registry: { username: 'me', secret: 'registry-pw' } }));
    const refused = await runBin(['launch', '-f', inline], env());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('registry credentials are never kept in a job file');
    expect(refused.stderr).not.toContain('registry-pw');
    expect(writes()).toEqual([]);
  });

  it('relaunch --print writes a job file that launch -f launches the same way', async () => {
    const [id] = await launched(['launch', 'headless', 'skaha/terminal:1.1.1', '--name', 'keepme', '--ram', '8', '--env', 'A=1', '--', 'python', 'x.py']);
    const printed = await runBin(['relaunch', id, '--print'], env());
    expect(printed.code, printed.stderr).toBe(0);
    const file = join(dir, 'kept.yaml');
    writeFileSync(file, printed.stdout);
    td.sim.resetRequests();
    await launched(['launch', '-f', file]);
    expect(Object.fromEntries(creates()[0])).toMatchObject({ name: 'keepme', ram: '8', cmd: 'python', args: 'x.py' });
    expect(creates()[0].getAll('env')).toEqual(['A=1', 'REPLICA_ID=1', 'REPLICA_COUNT=1']);
  });

  it('profiles: saved as job files in the config folder, listed, and launched with flags on top', async () => {
    const saved = await runBin(['launch', 'notebook', 'skaha/astroml', '--cores', '2', '--ram', '8', '--save-profile', 'small-nb'], env());
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain("Saved profile 'small-nb'");
    expect(writes()).toEqual([]);
    expect(readFileSync(join(td.env.SKAHA_TUI_HOME!, 'config', 'profiles', 'small-nb.yaml'), 'utf8')).toContain('cores: 2');
    const listed = await runBin(['profiles', '--json'], env());
    expect(JSON.parse(listed.stdout)).toContainEqual(
      expect.objectContaining({ name: 'small-nb', job: { kind: 'notebook', image: 'skaha/astroml', cores: 2, ram: 8 } }),
    );
    await launched(['launch', '--profile', 'small-nb', '--name', 'fromprofile', '--ram', '16']);
    expect(Object.fromEntries(creates()[0])).toMatchObject({ name: 'fromprofile', type: 'notebook', cores: '2', ram: '16' });
  });
});

describe('--dry-run', { timeout: 60_000 }, () => {
  it('checks everything and prints the requests, with headers redacted; the simulator receives none of them', async () => {
    const nb = td.sim.seedSession({ kind: 'notebook', name: 'dry-nb' });
    const job = td.sim.seedSession({ kind: 'headless', name: 'dryprune-1', status: 'Completed', finishedSecondsAgo: 1 });
    await waitUntil(() => Boolean(state().sessions[nb] && state().sessions[job]), 'the seeded sessions');
    td.sim.resetRequests();
    const launch = await runBin(
      ['launch', 'headless', 'skaha/terminal:1.1.1', '--name', 'dry', '--cores', '2', '--env', 'API_TOKEN=tok-value', '--dry-run'],
      env(),
    );
    expect(launch.code, launch.stderr).toBe(0);
    expect(launch.stdout).toMatch(/^Dry run: launching dry is valid; it would send 1 request \(nothing was sent\):\n/);
    expect(launch.stdout).toContain(
      `POST ${td.sim.apiUrl}/session?name=dry&image=images.canfar.net%2Fskaha%2Fterminal%3A1.1.1&cores=2&type=headless&env=API_TOKEN%3D%3Credacted%3E`,
    );
    expect(launch.stdout).toContain('  authorization: Bearer <redacted>');
    expect(launch.stdout).not.toContain(td.sim.token);
    expect(launch.stdout).not.toContain('tok-value');
    for (const args of [
      ['delete', nb],
      ['renew', nb],
      ['prune', 'dryprune'],
      ['relaunch', nb],
    ]) {
      const r = await runBin([...args, '--dry-run'], env());
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('nothing was sent');
    }
    const json = JSON.parse((await runBin(['prune', 'dryprune', '--dry-run', '--json'], env())).stdout);
    expect(json).toEqual({
      dryRun: true,
      valid: true,
      requests: [{ method: 'DELETE', url: `${td.sim.apiUrl}/session/${job}`, headers: { authorization: 'Bearer <redacted>' } }],
    });
    // Invalid: cores the server does not offer, an unknown id: refused like the real thing, still nothing sent.
    const cores = await runBin(['launch', 'headless', 'skaha/terminal:1.1.1', '--cores', '17', '--dry-run'], env());
    expect(cores.code).toBe(2);
    expect(cores.stderr).toContain("cores: must be one of the server's options");
    expect((await runBin(['delete', 'zzzz9999', '--dry-run'], env())).code).toBe(1);
    expect(writes()).toEqual([]);
    expect(state().sessions[nb]).toBeDefined();
  });
});
