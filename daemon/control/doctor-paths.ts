import { statSync, type Stats } from 'node:fs';
import type { Paths } from '../../src/config/paths.js';
import { DOCTOR_TEXT as T } from './control-text.js';
import type { DoctorCheck } from './doctor-check.js';
import type { DaemonReport } from './inspect-daemon.js';

function stat(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

function folder(name: string, path: string, privateMode: boolean): DoctorCheck {
  const s = stat(path);
  const base = { section: 'paths' as const, name, path };
  if (!s) return { ...base, status: 'info', detail: T.missing };
  if (!s.isDirectory()) return { ...base, status: 'fail', detail: T.notAFolder };
  if (privateMode && (s.mode & 0o777) !== 0o700) return { ...base, status: 'warn', detail: T.badMode(octal(s.mode), '0700') };
  return { ...base, status: 'ok', detail: T.exists };
}

function file(name: string, path: string, missing: string, privateMode = false): DoctorCheck {
  const s = stat(path);
  const base = { section: 'paths' as const, name, path };
  if (!s) return { ...base, status: 'info', detail: missing };
  if (privateMode && (s.mode & 0o077) !== 0) return { ...base, status: 'fail', detail: T.badMode(octal(s.mode), '0600') };
  return { ...base, status: 'ok', detail: T.size(s.size) };
}

/** One check per path `doctor` shows: folders, files, and (from the daemon report) the socket and the pid file. */
export function checkPaths(paths: Paths, daemon: DaemonReport): DoctorCheck[] {
  const socket: DoctorCheck = {
    section: 'paths',
    name: 'socket',
    path: paths.socketPath,
    status: daemon.socket === 'live' ? 'ok' : daemon.socket === 'stale' ? 'warn' : daemon.socket === 'untrusted' ? 'fail' : 'info',
    detail:
      daemon.socket === 'live'
        ? T.socketLive
        : daemon.socket === 'stale'
          ? T.socketStale
          : daemon.socket === 'untrusted'
            ? daemon.error!.message
            : T.socketAbsent,
  };
  const pid: DoctorCheck = { section: 'paths', name: 'pid file', path: paths.pidFile, status: 'info', detail: T.pidMissing };
  if (daemon.pid !== null) Object.assign(pid, { status: 'ok', detail: T.pidAlive(daemon.pid) });
  else if (daemon.stalePid !== null) Object.assign(pid, { status: 'warn', detail: T.pidDead(daemon.stalePid) });
  return [
    folder('config dir', paths.configDir, false),
    file('config file', paths.configFile, T.configMissing),
    folder('state dir', paths.stateDir, false),
    file('state file', paths.stateFile, T.missing),
    file('history file', paths.historyFile, T.missing),
    file('daemon log', paths.daemonLog, T.missing),
    folder('runtime dir', paths.runtimeDir, true),
    socket,
    pid,
    file('token file', paths.tokenFile, T.tokenFileMissing, true),
  ];
}
