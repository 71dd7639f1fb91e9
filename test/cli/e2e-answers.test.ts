// The built binary gives answers, without a daemon (one listing plus one events read per Pending or
// Failed session): why Pending, why Failed, renews checked, ids that are not the user's refused, memory
// in GiB, and desktop apps. Against an in-process simulator on a fake clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src/sim/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

interface JsonSession {
  id: string;
  name: string;
  status: string;
  ramGiB: { requested: number | null; used: number | null };
  pending: { code: string; reason: string; since: string | null; detail: string | null; estimate: unknown } | null;
  failure: { code: string; cause: string; inferred: boolean; detail: string | null } | null;
}

let home: string;
let sim: RunningSimulator;
const clock = new FakeClock();
const cli = (args: string[]) => runBin(args, isolatedEnv(home, { SKAHA_URL: sim.baseUrl, SKAHA_TOKEN: sim.token }));
async function json<T>(args: string[]): Promise<T> {
  const r = await cli([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'skaha-cli-answers-'));
  sim = await startSimulator({ seed: 5, clock });
});
afterAll(async () => {
  await sim?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('skaha-tui gives answers (no daemon)', { timeout: 60_000 }, () => {
  it('ps and info say why each Pending session waits; events and logs of a queued job say it is queued', async () => {
    const queued = sim.seedSession({ kind: 'headless', name: 'survey', status: 'Pending', queuedSeconds: 600, pendingSeconds: 620, runSeconds: 3600 });
    const pull = sim.seedSession({ kind: 'headless', name: 'reprocess', image: 'images.canfar.net/skaha/astroml:2099.1', trouble: 'image-pull' });
    const big = sim.seedSession({ kind: 'headless', name: 'big-mosaic', ram: 192, cores: 16, trouble: 'unschedulable' });
    clock.advance(30_000);
    const table = await cli(['ps']);
    expect(table.code).toBe(0);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/\s+REASON$/);
    // The age column has the dashboard's name.
    expect(header).toMatch(/\sIMAGE\s+AGE\s+EXPIRES\s/);
    const row = (name: string) => rows.find((r) => r.includes(` ${name} `)) ?? '';
    expect(row('survey')).toMatch(/Pending .* queued — no pod yet \(Kueue\)$/);
    expect(row('reprocess')).toMatch(/image cannot be pulled: images\.canfar\.net\/skaha\/astroml:2099\.1: not found$/);
    expect(row('big-mosaic')).toMatch(/-\/16\s+-\/192\s+insufficient cpu and memory$/);

    const listed = await json<JsonSession[]>(['ps']);
    expect(listed.find((s) => s.id === queued)?.pending).toEqual({
      code: 'queued',
      reason: 'queued — no pod yet (Kueue)',
      since: null,
      detail: 'the job waits for Kueue to admit it; Skaha shows no queue position',
      estimate: null,
    });
    expect(listed.find((s) => s.id === pull)?.pending?.code).toBe('image-pull');
    expect(listed.find((s) => s.id === big)?.ramGiB).toEqual({ requested: 192, used: null });

    const info = await cli(['info', queued]);
    expect(info.stdout).toContain('Waiting:      queued — no pod yet (Kueue)\n');
    const events = await cli(['events', queued]);
    expect(events).toMatchObject({ code: 0, stdout: `Session ${queued} is queued — no pod yet (Kueue): its events appear once Kueue admits it.\n` });
    const logs = await cli(['logs', queued]);
    expect(logs).toMatchObject({ code: 0, stdout: '', stderr: `No logs for session ${queued}: it is queued (no pod yet, Kueue has not admitted it).\n` });
  });

  it('a launch of --ram 8 reads back as 8 (GiB) in ps, info and --json', async () => {
    const [launched] = await json<Array<{ id: string }>>(['launch', 'notebook', 'skaha/astroml:latest', '--name', 'mem', '--ram', '8', '--cores', '2']);
    clock.advance(60_000);
    const row = (await cli(['ps'])).stdout.split('\n').find((l) => l.startsWith(launched.id)) ?? '';
    expect(row, row).toMatch(/\s(\d+(\.\d+)?|-)\/8(\s|$)/);
    expect((await cli(['info', launched.id])).stdout).toMatch(/RAM Usage:\s+\d+(\.\d+)?\/8 GiB \(\d+%\)\n/);
    const [session] = await json<JsonSession[]>(['info', launched.id]);
    expect(session.ramGiB.requested).toBe(8);
    expect(session).toMatchObject({ ramGB: { requested: 8.59 } });
  });

  it('ids that are not the user\'s: "no session" from delete, renew, logs, events, info and open, exit 1, nothing sent', async () => {
    const deletes = sim.requestCount('session.delete');
    const renews = sim.requestCount('session.renew');
    for (const args of [
      ['delete', '--force', 'nosuchid'],
      ['renew', 'nosuchid'],
      ['logs', 'nosuchid'],
      ['events', 'nosuchid'],
      ['info', 'nosuchid'],
      ['open', 'nosuchid'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toBe('error: no session nosuchid: it is not one of your sessions (skaha-tui ps --all lists them)\n');
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(sim.requestCount('session.delete')).toBe(deletes);
    expect(sim.requestCount('session.renew')).toBe(renews);
  });

  it('renew reads the sessions again: renewed until when; not renewed and why (exit 1); a 500 with the server text', async () => {
    const ok = sim.seedSession({ kind: 'notebook', name: 'analysis', ageSeconds: 3600, expiresInSeconds: 600, renew: 'ok' });
    const ignored = sim.seedSession({ kind: 'notebook', name: 'spectra', ageSeconds: 3600, expiresInSeconds: 600, renew: 'ignored' });
    const error = sim.seedSession({ kind: 'carta', name: 'cube', ageSeconds: 3600, expiresInSeconds: 600, renew: 'error' });
    const job = sim.seedSession({ kind: 'headless', name: 'batch', ageSeconds: 60, runSeconds: 3600 });
    const good = await cli(['renew', ok]);
    expect(good).toMatchObject({
      code: 0,
      stderr: '',
      stdout: expect.stringMatching(new RegExp(`^Renewed session ${ok} until \\d\\d:\\d\\d \\w{3} \\((in .+|expired)\\)\\.\\n$`)),
    });
    const bad = await cli(['renew', ignored, error, job]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    const lines = bad.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`error: ${ignored}: not renewed: the server did not renew it (its expiry did not move)`);
    expect(lines[1]).toMatch(new RegExp(`^error: ${error}: POST \\S+: 500 Internal Server Error — unexpected exception: `));
    expect(lines[2]).toBe(`error: ${job}: not renewed: a headless job needs none (it runs until it finishes, up to 14 days)`);
  });

  it('a failed session says why: an interactive session at its expiry expired (inferred)', async () => {
    const scratch = sim.seedSession({ kind: 'notebook', name: 'scratch', ageSeconds: 3600, expiresInSeconds: 30 });
    clock.advance(60_000);
    const [session] = await json<JsonSession[]>(['info', scratch]);
    expect(session).toMatchObject({ status: 'Failed', failure: { code: 'expired', cause: 'expired', inferred: true } });
    const row = (await cli(['ps', '--all'])).stdout.split('\n').find((l) => l.startsWith(scratch)) ?? '';
    expect(row).toMatch(/Failed .* expired \(inferred\)$/);
  });

  it('desktop apps: list, launch and delete on a running desktop; refused on another kind', async () => {
    const desk = sim.seedSession({ kind: 'desktop', name: 'desk', ageSeconds: 600 });
    const nb = sim.seedSession({ kind: 'notebook', name: 'nb', ageSeconds: 600 });
    expect(await cli(['apps', desk])).toMatchObject({
      code: 0,
      stdout: `No apps on desktop ${desk}. Launch one with: skaha-tui app launch ${desk} IMAGE (skaha-tui images --kind desktop-app lists them)\n`,
    });
    const launched = await cli(['app', 'launch', desk, 'skaha/topcat:4.9']);
    expect(launched.code).toBe(0);
    const appId = /^Launched app (\w+) \(images\.canfar\.net\/skaha\/topcat:4\.9\) on desktop \w+\.\n$/.exec(launched.stdout)?.[1];
    expect(appId).toMatch(/^[a-z0-9]{3}$/);
    const apps = await json<Array<{ appId: string; image: string; kind: string }>>(['apps', desk]);
    expect(apps).toEqual([expect.objectContaining({ appId, image: 'images.canfar.net/skaha/topcat:4.9', kind: 'desktop-app' })]);
    expect((await cli(['apps', desk])).stdout).toMatch(
      new RegExp(`^APP ID\\s+NAME\\s+IMAGE\\s+STATUS\\s+AGE\\s+CPU\\s+RAM GiB\\n${appId}\\s+topcat\\s+images\\.canfar\\.net/skaha/topcat:4\\.9\\s+`),
    );
    expect(await cli(['app', 'delete', desk, 'zzz'])).toMatchObject({
      code: 1,
      stderr: `error: no app zzz on desktop ${desk}: skaha-tui apps ${desk} lists them\n`,
    });
    expect(await cli(['app', 'delete', desk, appId!])).toMatchObject({ code: 0, stdout: `Deleted app ${appId} from desktop ${desk}.\n` });
    clock.advance(60_000);
    expect(await json<unknown[]>(['apps', desk])).toEqual([]);
    expect(await cli(['apps', nb])).toMatchObject({ code: 2, stderr: `error: session ${nb} is a notebook session: apps run attached to a desktop session\n` });
    expect(await cli(['app', 'restart', desk, 'x'])).toMatchObject({ code: 2 });
  });
});
