// Text from a hostile Skaha never controls the terminal: every CLI command of the built binary, run
// directly and through a daemon child process, shows escape sequences as visible `\xNN` escapes;
// `--json` keeps the exact strings.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, startBin, type LiveBin } from '../cli/spawn-cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { hasRawControl, securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';
import { expectVisibleOnly, PAYLOAD, VISIBLE } from './hostile-text.js';

const EVIL = 'abcd1234';
const ODD = 'bcde2345';

let skaha: HostileSkaha;
let home: SecurityHome;
let daemon: DaemonProcess | undefined;
const live: LiveBin[] = [];

beforeEach(async () => {
  assertBuilt();
  skaha = await startHostileSkaha();
  skaha.sessions.push(
    wireSession({ id: EVIL, name: `n${PAYLOAD}`, image: `images.canfar.net/skaha/img${PAYLOAD}:1`, connectURL: `https://workload.example/${PAYLOAD}/lab` }),
    wireSession({ id: ODD, name: 'odd', status: `Weird${PAYLOAD}`, userid: `u${PAYLOAD}` }),
  );
  skaha.logs.set(EVIL, `first line ${PAYLOAD}\nsecond${PAYLOAD} line\n`);
  skaha.events.set(
    EVIL,
    `TYPE REASON MESSAGE FIRST-TIME LAST-TIME\nWarning Evil${PAYLOAD} message ${PAYLOAD} here 2026-12-07T10:00:00Z 2026-12-07T10:01:00Z\n`,
  );
  skaha.route('GET', '/skaha/v1/image', { json: [{ id: `images.canfar.net/skaha/img${PAYLOAD}:1`, types: ['notebook'], digest: 'sha256:abc' }] });
  home = securityHome(skaha);
  // Fast polls, so a daemon sees a change within a second.
  mkdirSync(home.configDir, { recursive: true });
  writeFileSync(join(home.configDir, 'config.json'), JSON.stringify({ notifications: { desktop: false }, polling: { fastMs: 500, normalMs: 1_000 } }));
});
afterEach(async () => {
  for (const bin of live.splice(0)) bin.child.kill('SIGKILL');
  await daemon?.stop();
  daemon = undefined;
  await skaha.close();
  home.cleanup();
});

const env = () => home.env({ BROWSER: 'true' });
const live$ = (args: string[]) => {
  const bin = startBin(args, env());
  live.push(bin);
  return bin;
};

/** The read commands, each run with `extra` (--no-daemon, or nothing when a daemon runs). */
async function readCommands(extra: string[]): Promise<void> {
  const run = async (args: string[]) => {
    const result = await skahaTui([...args, ...extra], env());
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  expectVisibleOnly(await run(['ps']), `n${VISIBLE}`, `img${VISIBLE}:1`);
  expectVisibleOnly(await run(['ps', '--all']), `Weird${VISIBLE}`);
  expectVisibleOnly(await run(['ps', '--quiet']), EVIL);
  expectVisibleOnly(await run(['info', EVIL, ODD]), `n${VISIBLE}`, `img${VISIBLE}:1`, `https://workload.example/${VISIBLE}/lab`, `Weird${VISIBLE}`);
  expectVisibleOnly(await run(['logs', EVIL]), `first line ${VISIBLE}\nsecond${VISIBLE} line\n`);
  expectVisibleOnly(await run(['events', EVIL]), `Evil${VISIBLE}`, `message ${VISIBLE} here`);
  expectVisibleOnly(await run(['images']), `img${VISIBLE}:1`);
  // A URL holding controls is refused rather than opened (test/security/secrets.test.ts); the refusal shows it escaped.
  const refused = await skahaTui(['open', EVIL, ...extra], env());
  expect(refused.code, refused.stderr).toBe(1);
  expectVisibleOnly(refused, `https://workload.example/${VISIBLE}/lab`);
}

/** The same reads with --json: no raw control on the terminal, and JSON.parse gives the server's exact strings. */
async function jsonCommands(extra: string[]): Promise<void> {
  const json = async (args: string[]) => {
    const result = await skahaTui([...args, '--json', ...extra], env());
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    expect(hasRawControl(result.stdout + result.stderr)).toBe(false);
    return JSON.parse(result.stdout) as unknown;
  };
  expect(await json(['ps', '--all'])).toMatchObject([
    { id: EVIL, name: `n${PAYLOAD}`, image: `images.canfar.net/skaha/img${PAYLOAD}:1`, url: `https://workload.example/${PAYLOAD}/lab` },
    { id: ODD, status: `Weird${PAYLOAD}` },
  ]);
  expect(await json(['info', EVIL])).toMatchObject([{ name: `n${PAYLOAD}` }]);
  expect(await json(['events', EVIL])).toMatchObject([{ reason: `Evil${PAYLOAD}`, message: `message ${PAYLOAD} here` }]);
  expect(await json(['images'])).toMatchObject([{ id: `images.canfar.net/skaha/img${PAYLOAD}:1` }]);
}

describe('server text never controls the terminal: CLI', { timeout: 90_000 }, () => {
  it('directly (--no-daemon): ps, ps --all, ps --all-users, info, logs, events, images and open show visible escapes; --json keeps the exact strings', async () => {
    await readCommands(['--no-daemon']);
    expectVisibleOnly(await skahaTui(['ps', '--all-users', '--all'], env()), `u${VISIBLE}`, `Weird${VISIBLE}`);
    await jsonCommands(['--no-daemon']);
    const users = await skahaTui(['ps', '--all-users', '--all', '--json'], env());
    expect(hasRawControl(users.stdout)).toBe(false);
    expect(JSON.parse(users.stdout)).toContainEqual(expect.objectContaining({ user: `u${PAYLOAD}`, status: `Weird${PAYLOAD}` }));
  });

  it('through a daemon: the same commands, and watch, show visible escapes; --json keeps the exact strings', async () => {
    daemon = await startDaemonProcess(home, env());
    const viaDaemon = await skahaTui(['ps', '-v'], env());
    expect(viaDaemon.stderr).toMatch(/daemon/);
    await readCommands([]);
    await jsonCommands([]);

    const watch = live$(['watch', '-v']);
    await waitUntil(() => /watching/.test(watch.stderr()), 'watch to subscribe', 15_000);
    skaha.sessions.push(wireSession({ id: 'cdef3456', name: `late${PAYLOAD}`, status: 'Pending', connectURL: `https://workload.example/${PAYLOAD}` }));
    await waitUntil(() => watch.stdout().includes(`late${VISIBLE}`), 'the added session in watch', 15_000);
    skaha.sessions[2] = { ...skaha.sessions[2], status: `Odd${PAYLOAD}` };
    await waitUntil(() => watch.stdout().includes(`Odd${VISIBLE}`), 'the status change in watch', 15_000);
    watch.child.kill('SIGINT');
    expect(await watch.exited).toMatchObject({ code: 0 });
    expectVisibleOnly({ stdout: watch.stdout(), stderr: watch.stderr() }, `late${VISIBLE}`);
  });

  it('logs --follow, directly and through a daemon, shows new hostile lines as visible escapes', async () => {
    const direct = live$(['logs', EVIL, '--follow', '--no-daemon']);
    await waitUntil(() => direct.stdout().includes(`second${VISIBLE} line`), 'the first lines (direct)', 15_000);
    skaha.logs.set(EVIL, `${skaha.logs.get(EVIL)}third ${PAYLOAD}\n`);
    await waitUntil(() => direct.stdout().includes(`third ${VISIBLE}`), 'the appended line (direct)', 15_000);
    direct.child.kill('SIGINT');
    await direct.exited;
    expectVisibleOnly({ stdout: direct.stdout(), stderr: direct.stderr() }, `first line ${VISIBLE}`);

    daemon = await startDaemonProcess(home, env());
    const follow = live$(['logs', EVIL, '--follow']);
    await waitUntil(() => follow.stdout().includes(`third ${VISIBLE}`), 'the lines (daemon)', 15_000);
    skaha.logs.set(EVIL, `${skaha.logs.get(EVIL)}fourth ${PAYLOAD}\n`);
    await waitUntil(() => follow.stdout().includes(`fourth ${VISIBLE}`), 'the appended line (daemon)', 15_000);
    follow.child.kill('SIGINT');
    await follow.exited;
    expectVisibleOnly({ stdout: follow.stdout(), stderr: follow.stderr() }, `fourth ${VISIBLE}`);
  });
});
