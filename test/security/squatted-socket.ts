// A second local user (uid 65534, through setpriv) who got to the daemon's socket folder first and serves
// a fake daemon there, recording every connection and frame. The victim is this process's user (root here).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lchownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWelcome } from '../../src/protocol/messages/welcome.js';
import { initialState } from '../../src/state/state.js';
import { makeSession } from '../helpers/builders.js';
import { isolatedEnv } from '../cli/spawn-cli.js';
import { readableBuild } from './readable-build.js';

/** The other local user. */
export const ATTACKER_UID = 65534;

/** How the attacker holds the folder: owns it, made it a link to their own folder, or the victim's folder is world-writable. */
export type SquatVariant = 'owned' | 'symlink' | 'world-writable';

/** A squatted socket folder with the attacker's fake daemon listening in it. */
export interface Squat {
  /** `$TMPDIR/skaha-tui-<uid>`, the folder every client of the victim looks in. */
  runtimeDir: string;
  socketPath: string;
  /** The victim's environment: TMPDIR set, no SKAHA_TUI_HOME or XDG_RUNTIME_DIR, plus `extra`. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Everything the fake daemon received: `connect` per connection, `frame <json>` per frame. */
  received(): string;
  cleanup(): Promise<void>;
}

// The attacker's fake daemon: answers hello with a welcome in the client's own protocol version (so any build
// accepts it) listing the attacker's session, answers every request with ok, and records all it gets.
const FAKE_DAEMON = `
import { createRequire } from 'node:module';
import { appendFileSync, chmodSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
const [root, socketPath, welcomeFile, logFile] = process.argv.slice(2);
const { WebSocketServer } = createRequire(root + '/package.json')('ws');
const welcome = JSON.parse(readFileSync(welcomeFile, 'utf8'));
const log = (line) => appendFileSync(logFile, line + '\\n');
const wss = new WebSocketServer({ noServer: true });
const server = createServer();
server.on('connection', () => log('connect'));
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => {
  ws.on('error', () => {});
  ws.on('message', (data) => {
    const text = data.toString();
    log('frame ' + text);
    const frame = JSON.parse(text);
    if (frame.type === 'hello') ws.send(JSON.stringify({ ...welcome, protocol: frame.protocol }));
    if (frame.type === 'request') ws.send(JSON.stringify({ type: 'response', id: frame.id, ok: true, result: { launchId: 'evil', results: [{ name: 'job', id: 'evil0001' }] } }));
  });
}));
server.listen(socketPath, () => {
  chmodSync(socketPath, 0o777);
  process.stdout.write('ready\\n');
});
`;

/** The welcome the attacker sends: a session the victim never launched. */
function attackerWelcome(): string {
  const session = makeSession({ id: 'evil0001', name: 'attacker-session', user: 'mallory' });
  return JSON.stringify(makeWelcome('6.6.6', { ...initialState(), sessions: { [session.id]: session }, lastPollAt: Date.now() }));
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the fake daemon exited with ${code} before it was ready: ${out}`)));
  });
}

/** Lets the attacker take `$TMPDIR/skaha-tui-<uid>` the `variant` way, and starts their fake daemon in it. */
export async function squatSocketFolder(variant: SquatVariant, server: { baseUrl: string; token: string }): Promise<Squat> {
  const base = mkdtempSync(join(tmpdir(), 'sksq-'));
  chmodSync(base, 0o755);
  const tmp = join(base, 'tmp');
  const home = join(base, 'home');
  const attacker = join(base, 'mallory');
  mkdirSync(tmp, { mode: 0o1777 });
  chmodSync(tmp, 0o1777);
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(attacker, { mode: 0o755 });
  chownSync(attacker, ATTACKER_UID, ATTACKER_UID);
  const runtimeDir = join(tmp, `skaha-tui-${process.getuid!()}`);
  if (variant === 'owned') {
    mkdirSync(runtimeDir, { mode: 0o755 });
    chownSync(runtimeDir, ATTACKER_UID, ATTACKER_UID);
  } else if (variant === 'symlink') {
    const target = join(attacker, 'run');
    mkdirSync(target, { mode: 0o755 });
    chownSync(target, ATTACKER_UID, ATTACKER_UID);
    symlinkSync(target, runtimeDir);
    lchownSync(runtimeDir, ATTACKER_UID, ATTACKER_UID);
  } else {
    mkdirSync(runtimeDir, { mode: 0o777 });
    chmodSync(runtimeDir, 0o777);
  }
  const socketPath = join(runtimeDir, 'daemon.sock');
  const script = join(attacker, 'fake-daemon.mjs');
  const welcome = join(attacker, 'welcome.json');
  const logFile = join(attacker, 'received.log');
  writeFileSync(script, FAKE_DAEMON, { mode: 0o644 });
  writeFileSync(welcome, attackerWelcome(), { mode: 0o644 });
  writeFileSync(logFile, '', { mode: 0o644 });
  chownSync(logFile, ATTACKER_UID, ATTACKER_UID);
  const child = spawn(
    'setpriv',
    [`--reuid=${ATTACKER_UID}`, `--regid=${ATTACKER_UID}`, '--clear-groups', process.execPath, script, readableBuild().root, socketPath, welcome, logFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: attacker,
    },
  );
  await waitReady(child);
  const env = (extra: Record<string, string> = {}): Record<string, string> => {
    const all = isolatedEnv(home, { SKAHA_URL: server.baseUrl, SKAHA_TOKEN: server.token, TMPDIR: tmp, ...extra });
    delete all.SKAHA_TUI_HOME;
    return all as Record<string, string>;
  };
  return {
    runtimeDir,
    socketPath,
    env,
    received: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async cleanup() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
