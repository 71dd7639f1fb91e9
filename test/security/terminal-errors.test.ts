// Error text from a hostile Skaha: shown with visible escapes on stderr (CLI, daemon status, doctor),
// exact in --json, and redacted before it is cut, so a token split by the cut leaks nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt } from '../cli/spawn-cli.js';
import { waitUntil } from '../helpers/wait-until.js';
import { hasRawControl, securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { HOSTILE_TOKEN, startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';
import { expectVisibleOnly, PAYLOAD, VISIBLE } from './hostile-text.js';

const GONE = 'eeee0000';
const EVIL = 'abcd1234';
const plain = (status: number, body: string) => ({ status, body, headers: { 'content-type': 'text/plain' } });

let skaha: HostileSkaha;
let home: SecurityHome;
let daemon: DaemonProcess | undefined;

beforeEach(async () => {
  assertBuilt();
  skaha = await startHostileSkaha();
  skaha.sessions.push(wireSession({ id: EVIL, name: 'plain' }));
  skaha.route('GET', `/skaha/v1/session/${GONE}`, plain(404, `no session ${PAYLOAD} here\n`));
  skaha.route('DELETE', `/skaha/v1/session/${EVIL}`, plain(500, `delete broke ${PAYLOAD}\n`));
  // Ids are looked up in the listing first, so the server's words come from a listed session's requests.
  skaha.route('GET', `/skaha/v1/session/${EVIL}`, plain(500, `read broke ${PAYLOAD}\n`));
  skaha.route('POST', `/skaha/v1/session/${EVIL}`, plain(500, `renew broke ${PAYLOAD}\n`));
  home = securityHome(skaha);
  mkdirSync(home.configDir, { recursive: true });
  writeFileSync(
    join(home.configDir, 'config.json'),
    JSON.stringify({ notifications: { desktop: false }, polling: { fastMs: 500, normalMs: 1_000, backoffCapMs: 1_000 } }),
  );
});
afterEach(async () => {
  await daemon?.stop();
  daemon = undefined;
  await skaha.close();
  home.cleanup();
});

/** Runs a command that must fail; checks stderr shows the body with visible escapes, and (for commands with --json) that --json carries it exactly. */
async function failsVisibly(args: string[], withJson = true): Promise<void> {
  const human = await skahaTui(args, home.env());
  expect(human.code, human.stdout).toBe(1);
  expectVisibleOnly(human, VISIBLE);
  if (!withJson) return;
  const json = await skahaTui([...args, '--json'], home.env());
  expect(json.code).toBe(1);
  expect(hasRawControl(json.stdout + json.stderr)).toBe(false);
  const lines = json.stderr
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { error: { message: string } });
  expect(
    lines.some((l) => l.error.message.includes(PAYLOAD)),
    json.stderr,
  ).toBe(true);
}

describe('server error text never controls the terminal', { timeout: 90_000 }, () => {
  it('CLI error messages, directly and through a daemon: visible escapes on stderr, exact strings with --json', async () => {
    await failsVisibly(['events', EVIL, '--no-daemon']);
    await failsVisibly(['renew', EVIL, '--no-daemon'], false);
    await failsVisibly(['delete', EVIL, '--force', '--no-daemon'], false);
    daemon = await startDaemonProcess(home, home.env());
    await failsVisibly(['events', EVIL]);
    await failsVisibly(['delete', EVIL, '--force'], false);
    // An id that is not listed is refused before any request: the server's 404 text never arrives.
    const gone = await skahaTui(['info', GONE], home.env());
    expect(gone).toMatchObject({ code: 1, stderr: `error: no session ${GONE}: it is not one of your sessions (skaha-tui ps --all lists them)\n` });
  });

  it("daemon status and doctor show a failing poll's body and the availability note with visible escapes", async () => {
    skaha.route('GET', '/skaha/v1/session', plain(500, `poll broke ${PAYLOAD}\n`));
    skaha.route(
      'GET',
      '/skaha/availability',
      plain(
        200,
        `<vosi:availability xmlns:vosi="http://www.ivoa.net/xml/VOSIAvailability/v1.0"><vosi:available>true</vosi:available><vosi:note>note ${PAYLOAD}</vosi:note></vosi:availability>`,
      ),
    );
    daemon = await startDaemonProcess(home, home.env());
    let status = await skahaTui(['daemon', 'status'], home.env());
    await waitUntil(
      async () => {
        status = await skahaTui(['daemon', 'status'], home.env());
        return status.stdout.includes('poll broke');
      },
      'the failed poll in daemon status',
      15_000,
    );
    expectVisibleOnly(status, `poll broke ${VISIBLE}`);
    const statusJson = await skahaTui(['daemon', 'status', '--json'], home.env());
    expect(hasRawControl(statusJson.stdout)).toBe(false);
    expect(JSON.parse(statusJson.stdout).health.lastError.message).toContain(PAYLOAD);

    const doctor = await skahaTui(['doctor'], home.env());
    expect(doctor.code, 'listing the sessions fails: doctor exits 1').toBe(1);
    expectVisibleOnly(doctor, `note ${VISIBLE}`, `poll broke ${VISIBLE}`);
    const doctorJson = await skahaTui(['doctor', '--json'], home.env());
    expect(hasRawControl(doctorJson.stdout)).toBe(false);
    expect(JSON.stringify(JSON.parse(doctorJson.stdout))).toContain(JSON.stringify(`note ${PAYLOAD}`).slice(1, -1));
  });
});

describe('server text is redacted before it is cut', { timeout: 60_000 }, () => {
  // The token starts at character 70 of a non-JSON answer: a cut at 80 before redacting kept its first 10 characters.
  const body = `${'<'.repeat(70)}${HOSTILE_TOKEN} and more`;
  const leaks = (text: string) => text.includes(HOSTILE_TOKEN.slice(0, 6));

  it('a non-JSON answer echoing the token: no part of it in the CLI error (text and --json), daemon status or the daemon log', async () => {
    skaha.route('GET', '/skaha/v1/session', plain(200, body));
    for (const args of [
      ['ps', '--no-daemon'],
      ['ps', '--no-daemon', '--json'],
    ]) {
      const result = await skahaTui(args, home.env());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/not valid JSON/);
      expect(leaks(result.stdout + result.stderr), result.stderr).toBe(false);
    }
    daemon = await startDaemonProcess(home, home.env());
    let status = await skahaTui(['daemon', 'status', '--json'], home.env());
    await waitUntil(
      async () => {
        status = await skahaTui(['daemon', 'status', '--json'], home.env());
        return status.stdout.includes('not valid JSON');
      },
      'the failed poll in daemon status',
      15_000,
    );
    expect(leaks(status.stdout), status.stdout).toBe(false);
    expect(leaks(daemon.log())).toBe(false);
  });
});
