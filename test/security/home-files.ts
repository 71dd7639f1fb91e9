// Files a security test puts in a SecurityHome before the daemon starts: the config, and a state
// and history as a daemon that ran for a day left them (written with the project's own codecs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlatformStats } from '../../src/domain/platform.js';
import type { Session } from '../../src/domain/session.js';
import { parseSession } from '../../src/client/parse-session.js';
import { dayOldState, persistedState } from '../../bench/harness/day-state.js';
import type { SecurityHome } from './daemon-process.js';
import { wireSession } from './hostile-skaha.js';

/** Stats as a daemon records them (matching the hostile server's). */
export const HOSTILE_STATS: PlatformStats = {
  cpu: { allocated: 12.5, capacity: 64, maxPerSession: 8 },
  ramGB: { allocated: 128, capacity: 512, maxPerSession: 32 },
};

/** Writes the daemon config file (desktop notifications always off). */
export function writeConfig(home: SecurityHome, config: Record<string, unknown>): string {
  mkdirSync(home.configDir, { recursive: true, mode: 0o700 });
  const file = join(home.configDir, 'config.json');
  const notifications = { ...(config.notifications as object | undefined), desktop: false };
  writeFileSync(file, JSON.stringify({ ...config, notifications }), { mode: 0o600 });
  return file;
}

/** A config whose scheduled polls wait long, so a test counts only the requests it causes. */
export function quietPolling(): Record<string, unknown> {
  const tenMinutes = 10 * 60_000;
  return { polling: { fastMs: tenMinutes, normalMs: tenMinutes, slowMs: tenMinutes, fastAfterActionMs: 0, statsMs: tenMinutes, catalogueMs: tenMinutes } };
}

/** `count` wire sessions with distinct 8-character ids, as the hostile server lists them. */
export function manyWireSessions(count: number): Array<Record<string, unknown>> {
  return Array.from({ length: count }, (_, i) => wireSession({ id: `s${String(i).padStart(7, '0')}`, name: `nb${i}` }));
}

/** Writes state.json and history.bin as a daemon that polled `wire` every 15 s for a day would have; returns the history file's size. */
export function writeDayOfHistory(home: SecurityHome, wire: ReadonlyArray<Record<string, unknown>>): number {
  const sessions = wire.map((raw) => parseSession(raw)).filter((s): s is Session => s !== null);
  const persisted = persistedState(dayOldState(sessions, HOSTILE_STATS, Date.now()));
  mkdirSync(home.stateDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(home.stateDir, 'state.json'), persisted.stateText, { mode: 0o600 });
  writeFileSync(join(home.stateDir, 'history.bin'), persisted.historyBytes, { mode: 0o600 });
  return persisted.historyBytes.length;
}
