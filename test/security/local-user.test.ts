// Socket squatting: without XDG_RUNTIME_DIR the socket folder is $TMPDIR/skaha-tui-<uid>, which another local
// user can create first. Every client must check the folder and the socket before it connects, refuse with a
// clear message and a non-zero exit, and send the fake daemon nothing at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, assertBuilt } from '../cli/spawn-cli.js';
import { TmuxPane } from '../tui/helpers/tmux.js';
import { skahaTui } from './daemon-process.js';
import { startHostileSkaha, type HostileSkaha } from './hostile-skaha.js';
import { squatSocketFolder, type Squat, type SquatVariant } from './squatted-socket.js';

let skaha: HostileSkaha | undefined;
let squat: Squat | undefined;
let tmuxDir: string | undefined;
let pane: TmuxPane | undefined;
afterEach(async () => {
  pane?.kill();
  if (tmuxDir) rmSync(tmuxDir, { recursive: true, force: true });
  await squat?.cleanup();
  await skaha?.close();
  skaha = squat = pane = tmuxDir = undefined;
});

const REGISTRY_SECRET = 'registry-secret-do-not-send-3e7d';

/** The refusal names the path, its owner and mode, and what to do. */
function expectRefusal(text: string, squat: Squat, variant: SquatVariant): void {
  expect(text).toContain('refusing to use the skaha-tui daemon');
  expect(text).toContain(squat.runtimeDir);
  expect(text).toMatch(/mode 0\d{3}/);
  if (variant === 'owned') expect(text).toMatch(/belongs to another user \(owner uid 65534/);
  if (variant === 'symlink') expect(text).toMatch(/is a symbolic link to \S+ \(owner uid 65534/);
  if (variant === 'world-writable') expect(text).toMatch(/is writable by group or others \(owner uid 0, mode 0777\)/);
  expect(text).toMatch(/XDG_RUNTIME_DIR or SKAHA_TUI_HOME/);
}

describe.each(['owned', 'symlink', 'world-writable'] as const)('a socket folder squatted by another user (%s)', (variant) => {
  it('ps, launch, daemon start, doctor and the dashboard refuse it and send the fake daemon nothing', { timeout: 60_000 }, async () => {
    assertBuilt();
    skaha = await startHostileSkaha();
    squat = await squatSocketFolder(variant, skaha);
    const env = squat.env({ SKAHA_REGISTRY_USERNAME: 'alice', SKAHA_REGISTRY_SECRET: REGISTRY_SECRET });

    const ps = await skahaTui(['ps', '--json'], env);
    expect(ps.code, ps.stdout).toBe(1);
    expect(ps.stdout).not.toContain('attacker-session');
    expectRefusal(ps.stderr, squat, variant);

    const launch = await skahaTui(['launch', 'headless', 'skaha/astroml:latest', '--name', 'job', '--', 'echo'], env);
    expect(launch.code).toBe(1);
    expectRefusal(launch.stderr, squat, variant);

    const start = await skahaTui(['daemon', 'start'], env);
    expect(start.code).toBe(1);
    expect(start.stdout).not.toMatch(/already running/);
    expectRefusal(start.stderr, squat, variant);

    // Nor did those commands fall back to Skaha on their own (doctor below asks it, as it should).
    expect(skaha.requestLines()).toEqual([]);

    const doctor = await skahaTui(['doctor'], env);
    expect(doctor.code, 'a failed check: doctor exits 1').toBe(1);
    expect(doctor.stdout).toMatch(/FAIL socket +\S+daemon\.sock — refusing to use the skaha-tui daemon/);
    expect(doctor.stdout).toMatch(/FAIL skaha-tui daemon socket cannot be trusted/);
    expectRefusal(doctor.stdout, squat, variant);

    tmuxDir = mkdtempSync(join(tmpdir(), 'sksq-tmux-'));
    pane = new TmuxPane(tmuxDir, 'dash');
    pane.start(`${process.execPath} ${BIN}`, { ...env, XDG_RUNTIME_DIR: '', SKAHA_TUI_HOME: '', LANG: 'C.UTF-8' });
    expect(await pane.waitForExit(15_000)).toBe(1);
    expectRefusal(Buffer.from(pane.written(), 'latin1').toString('utf8').replace(/\r?\n/g, ''), squat, variant);

    // Not a connection, not a hello, not a request: the fake daemon learnt nothing.
    expect(squat.received()).toBe('');
  });
});
