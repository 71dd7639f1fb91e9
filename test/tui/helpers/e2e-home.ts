import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A temp folder for a tmux end-to-end test and, inside it, a skaha-tui home whose daemon sends no desktop pop-ups. */
export function e2eHome(prefix: string): { dir: string; home: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const home = path.join(dir, 'home');
  mkdirSync(path.join(home, 'config'), { recursive: true, mode: 0o700 });
  // The terminal's own notifications are what these tests check.
  writeFileSync(path.join(home, 'config', 'config.json'), JSON.stringify({ notifications: { desktop: false } }));
  return { dir, home };
}

/** The pid of the daemon the dashboard started in `home`, or null. */
export function daemonPid(home: string): number | null {
  try {
    return Number(readFileSync(path.join(home, 'run', 'daemon.pid'), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** Stops the daemon the dashboard started in `home` (by its pid), if it runs. */
export function stopDaemon(home: string): void {
  const pid = daemonPid(home);
  if (pid === null) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // not running
  }
}

/** After a tmux end-to-end test: kills the pane, stops the daemon it started and the simulator, and removes the temp folder. */
export async function closeE2e(parts: { pane?: { kill(): void }; home: string; sim?: { close(): Promise<void> }; dir: string }): Promise<void> {
  parts.pane?.kill();
  stopDaemon(parts.home);
  await parts.sim?.close();
  // The daemon needs a moment to let go of its files before the folder goes.
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(parts.dir, { recursive: true, force: true });
}
