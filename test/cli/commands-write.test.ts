import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import type { LaunchRequest } from '../../src/domain/launch.js';
import { launchRequestFromArgs } from '../../src/cli/commands/launch.js';
import { buildCatalogue } from '../../src/sim/catalogue.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import { SCIENTISTS } from '../../src/cli/scientist-names.js';
import { FakeApi, run, session } from './cli-harness.js';

describe('launch', () => {
  it('builds the request: first word after -- is cmd, the rest space-joined are args', () => {
    const args = parseArgs([
      'launch',
      'Headless',
      'skaha/terminal:1.1.1',
      '-n',
      'job',
      '-c',
      '2',
      '-m',
      '4',
      '-e',
      'A=1',
      '-r',
      '3',
      '--',
      'python3',
      '-c',
      'print(1)',
    ]);
    expect(launchRequestFromArgs(args)).toEqual({
      kind: 'headless',
      image: 'skaha/terminal:1.1.1',
      name: 'job',
      cores: 2,
      ram: 4,
      env: ['A=1'],
      replicas: 3,
      cmd: 'python3',
      args: '-c print(1)',
    } satisfies LaunchRequest);
  });
  it('names a session after a random scientist by default', async () => {
    const api = new FakeApi();
    const r = await run(['launch', 'notebook', 'skaha/astroml'], api);
    expect(r.code).toBe(0);
    expect(SCIENTISTS).toContain(api.launched[0].name);
    expect(r.stdout).toBe(`Successfully created session '${api.launched[0].name}' (ID: new00001)\n`);
  });
  it('prints one {name,id} or {name,error} per replica with --json and exits 1 when any failed', async () => {
    const api = new FakeApi();
    api.launchResults = (req) => [
      { name: `${req.name}-1`, id: 'aaaa0001' },
      { name: `${req.name}-2`, error: { code: 'SKAHA_SERVER_ERROR', message: 'POST http://x/session: 500', status: 500 } },
    ];
    const r = await run(['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'job', '--json', '--', 'echo', 'hi'], api);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: 'job-1', id: 'aaaa0001' },
      { name: 'job-2', error: { code: 'SKAHA_SERVER_ERROR', message: 'POST http://x/session: 500' } },
    ]);
    const text = await run(['launch', 'headless', 'skaha/terminal:1.1.1', '-r', '2', '-n', 'job'], api);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe("Successfully created session 'job-1' (ID: aaaa0001)\n");
    expect(text.stderr).toBe("error: failed to create session 'job-2': POST http://x/session: 500\n");
  });
  it('says Skaha stores a mixed-case name in lower case, and shows the stored name (in --json too)', async () => {
    const api = new FakeApi();
    const r = await run(['launch', 'notebook', 'skaha/astroml', '--name', 'MixedCase'], api);
    expect(r.code).toBe(0);
    expect(api.launched[0].name).toBe('MixedCase');
    expect(r.stdout).toBe("Successfully created session 'mixedcase' (ID: new00001)\n");
    expect(r.stderr).toBe("note: Skaha lowercases names: 'MixedCase' is stored as 'mixedcase'\n");
    const json = await run(['launch', 'notebook', 'skaha/astroml', '--name', 'MixedCase', '--json'], api);
    expect(JSON.parse(json.stdout)).toEqual([{ name: 'mixedcase', id: 'new00001' }]);
    const lower = await run(['launch', 'notebook', 'skaha/astroml', '--name', 'lower'], api);
    expect(lower.stderr).toBe('');
  });
  it('refuses an image the catalogue does not list (without registry credentials) before sending, with the closest match', async () => {
    const api = new FakeApi();
    api.images = buildCatalogue('images.canfar.net');
    const r = await run(['launch', 'headless', 'skaha/astroml:lates', '--name', 'typo', '--no-daemon'], api);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: image: skaha\/astroml:lates is not in the image catalogue — did you mean skaha\/astroml:latest\?/);
    expect(api.launched).toEqual([]);
    api.registryAuth = true;
    expect((await run(['launch', 'headless', 'skaha/astroml:lates', '--name', 'typo', '--no-daemon'], api)).code).toBe(0);
    expect(api.launched).toHaveLength(1);
  });
  it('refuses a kind the image does not run as, naming the kinds it does', async () => {
    const api = new FakeApi();
    api.images = buildCatalogue('images.canfar.net');
    api.registryAuth = true;
    const r = await run(['launch', 'carta', 'skaha/astroml', '--no-daemon', '--json'], api);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toEqual({
      code: 'VALIDATION_ERROR',
      message:
        'image: skaha/astroml:latest does not run as carta: the image catalogue lists it for notebook, headless — pick one of those kinds, or an image for carta (`skaha-tui images --kind carta`)',
    });
    expect(api.launched).toEqual([]);
  });
  it('prints validation warnings on stderr and still launches', async () => {
    const api = new FakeApi();
    const r = await run(['launch', 'desktop', 'skaha/desktop:latest', '--cores', '2'], api);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: desktop sessions ignore cores and ram/);
    expect(api.launched).toHaveLength(1);
  });
  it('refuses an invalid request before opening the API (exit 2, VALIDATION_ERROR)', async () => {
    const r = await run(['launch', 'notebook', 'skaha/astroml', '--name', 'bad_name', '--json'], new FakeApi());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('VALIDATION_ERROR');
    expect(r.opened).toBe(false);
    const env = await run(['launch', 'notebook', 'skaha/astroml', '-e', 'A=1'], new FakeApi());
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^error: env: /);
  });
  it('rejects an unknown kind as a usage error', async () => {
    const r = await run(['launch', 'spaceship', 'img'], new FakeApi());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("invalid value 'spaceship' for 'KIND'");
    expect(r.opened).toBe(false);
  });
});

describe('delete', () => {
  const api = () => {
    const a = new FakeApi();
    a.sessions = [session({ id: 'aaaa0001', name: 'one' }), session({ id: 'bbbb0002', name: 'two' })];
    return a;
  };
  it('without a terminal requires --force (usage error, nothing deleted)', async () => {
    const a = api();
    const r = await run(['delete', 'aaaa0001'], a, { stdinTTY: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(a.calls).toEqual([]);
  });
  it('with --force deletes without asking', async () => {
    const a = api();
    const r = await run(['delete', '--force', 'aaaa0001', 'bbbb0002'], a, { stdinTTY: true });
    expect(r.code).toBe(0);
    expect(r.prompts).toEqual([]);
    expect(a.calls.sort()).toEqual(['delete aaaa0001', 'delete bbbb0002', 'list {}']);
    expect(r.stdout).toBe('Deleted session aaaa0001.\nDeleted session bbbb0002.\n');
  });
  it('an id that is not one of the user\'s sessions: "no session", nothing sent for it, exit 1 (Skaha answers 200 to any id)', async () => {
    const a = api();
    const r = await run(['delete', '--force', 'nosuchid', 'aaaa0001'], a, { stdinTTY: false });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Deleted session aaaa0001.\n');
    expect(r.stderr).toBe('error: no session nosuchid: it is not one of your sessions (skaha-tui ps --all lists them)\n');
    expect(a.calls).toEqual(['list {}', 'delete aaaa0001']);
    const only = await run(['delete', '--force', 'nosuchid'], api(), { stdinTTY: false });
    expect(only).toMatchObject({ code: 1, stdout: '' });
  });
  it('on a terminal lists what will go and asks; "y" deletes', async () => {
    const a = api();
    const r = await run(['rm', 'aaaa0001', 'zzzz9999'], a, { stdinTTY: true, answers: ['y'] });
    expect(r.code).toBe(1);
    expect(r.prompts).toEqual(['Confirm deletion of 1 session? [y/N] ']);
    expect(r.stderr).toMatch(/aaaa0001\s+one\s+notebook\s+Running/);
    expect(r.stderr).toContain('error: no session zzzz9999');
    expect(a.calls).toContain('delete aaaa0001');
    expect(a.calls).not.toContain('delete zzzz9999');
  });
  it('on a terminal anything but y/yes aborts with exit 1 and deletes nothing', async () => {
    for (const answer of ['', 'n', 'no', 'maybe']) {
      const a = api();
      const r = await run(['delete', 'aaaa0001'], a, { stdinTTY: true, answers: [answer] });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Aborted: nothing was deleted.');
      expect(a.calls.filter((c) => c.startsWith('delete'))).toEqual([]);
    }
  });
  it('reports each failure and exits 1 when any failed', async () => {
    const a = api();
    a.failures.set('bbbb0002', new AppError('SKAHA_FORBIDDEN', 'DELETE http://x/session/bbbb0002: 403 forbidden'));
    const r = await run(['delete', '-f', 'aaaa0001', 'bbbb0002'], a);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Deleted session aaaa0001.\n');
    expect(r.stderr).toBe('error: bbbb0002: DELETE http://x/session/bbbb0002: 403 forbidden\n');
  });
});

describe('renew', () => {
  const clock = (iso: string) => {
    const d = new Date(Date.parse(iso));
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')} ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]}`;
  };
  it('reads the sessions again and compares each expiry: renewed until when; a refusal with the server text; exit 1 when any failed', async () => {
    const a = new FakeApi();
    a.sessions = [session({ id: 'aaaa0001', expiresAt: '2026-11-22T13:00:00Z' }), session({ id: 'bbbb0002' })];
    a.renewTo.set('aaaa0001', '2026-11-26T12:00:00Z');
    a.failures.set('bbbb0002', new AppError('SKAHA_BAD_REQUEST', 'No active job for user alice with session bbbb0002'));
    const r = await run(['renew', 'aaaa0001', 'bbbb0002'], a);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Renewed session aaaa0001 until ${clock('2026-11-26T12:00:00Z')} (in 4d).\n`);
    expect(r.stderr).toBe('error: bbbb0002: No active job for user alice with session bbbb0002\n');
    // One listing before (the ids are the user's) and one after (the expiries), never a read per id.
    expect(a.calls).toEqual(['list {}', 'renew aaaa0001', 'renew bbbb0002', 'list {}']);
  });
  it('an expiry that did not move is reported as such, with why, and exits 1', async () => {
    const a = new FakeApi();
    a.sessions = [
      session({ id: 'stuck001', startedAt: '2026-11-19T13:00:00Z', expiresAt: '2026-11-22T13:00:00Z' }),
      session({ id: 'job00001', kind: 'headless', url: null, expiresAt: '2026-12-03T12:00:00Z' }),
      session({ id: 'long0001', startedAt: '2026-11-22T11:00:00Z', expiresAt: '2026-11-28T12:00:00Z' }),
    ];
    const r = await run(['renew', 'stuck001', 'job00001', 'long0001', 'nosuch01'], a);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'error: no session nosuch01: it is not one of your sessions (skaha-tui ps --all lists them)',
      'error: stuck001: not renewed: the server did not renew it (its expiry did not move)',
      'error: job00001: not renewed: a headless job needs none (it runs until it finishes, up to 14 days)',
      'error: long0001: not renewed: not needed yet (it has 6d left; a renew gives 3d)',
      '',
    ]);
    expect(a.calls).not.toContain('renew nosuch01');
  });
});
