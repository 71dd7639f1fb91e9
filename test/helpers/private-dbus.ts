import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A private D-Bus session bus with a fake notification server recording to a JSON-lines file. */
export interface PrivateNotificationBus {
  address: string;
  logFile: string;
  stop(): void;
}

/** Starts dbus-daemon on a socket in a temp dir, then the fake notification server on it. */
export async function startPrivateNotificationBus(): Promise<PrivateNotificationBus> {
  const dir = mkdtempSync(join(tmpdir(), 'skaha-dbus-'));
  const address = `unix:path=${join(dir, 'bus')}`;
  const logFile = join(dir, 'calls.jsonl');
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', `--address=${address}`, '--print-address=1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await firstLine(daemon);
  const script = fileURLToPath(new URL('./fake-notification-server.py', import.meta.url));
  const server = spawn('/usr/bin/python3', [script, logFile], {
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await firstLine(server);
  return {
    address,
    logFile,
    stop() {
      server.kill('SIGKILL');
      daemon.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line));
    child.once('exit', (code) => reject(new Error(`${child.spawnfile} exited early with ${code}`)));
    child.once('error', reject);
  });
}
