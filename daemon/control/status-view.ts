import type { ErrorJson } from '../../src/domain/errors.js';
import { formatDuration } from '../../src/cli/format.js';
import { renderFields } from '../../src/cli/table.js';
import type { HealthState } from '../../src/state/state.js';
import { STATUS_LABELS as L } from './control-text.js';
import type { DaemonReport } from './inspect-daemon.js';

/** `daemon status --json`: fixed keys; times as ISO-8601 (null when unknown). */
export interface DaemonStatusJson {
  running: boolean;
  pid: number | null;
  socket: string;
  pidFile: string;
  log: string;
  daemonVersion: string | null;
  protocol: number | null;
  health: { state: HealthState; since: string | null; lastError: ErrorJson | null } | null;
  sessions: number | null;
  /** True while the daemon's sessions are not from a successful poll. */
  stale: boolean | null;
  lastPollAt: string | null;
  leftovers: { staleSocket: boolean; stalePid: number | null };
  /** What the daemon must say once (a file it moved aside); `daemon status` acknowledges them, so the next one no longer lists them. */
  notices: Array<{ message: string; at: string | null }>;
  error: ErrorJson | null;
}

const iso = (ms: number | null | undefined): string | null => (typeof ms === 'number' ? new Date(ms).toISOString() : null);

/** The report as `daemon status --json` prints it. */
export function statusJson(report: DaemonReport): DaemonStatusJson {
  const state = report.state;
  return {
    running: report.running,
    pid: report.pid,
    socket: report.socketPath,
    pidFile: report.pidFile,
    log: report.logFile,
    daemonVersion: report.daemonVersion,
    protocol: report.protocol,
    health: state ? { state: state.health.state, since: iso(state.health.since), lastError: state.health.lastError } : null,
    sessions: state ? Object.keys(state.sessions).length : null,
    stale: state ? state.health.stale : null,
    lastPollAt: iso(state?.lastPollAt),
    leftovers: { staleSocket: report.socket === 'stale', stalePid: report.stalePid },
    notices: (state?.notices ?? []).map((n) => ({ message: n.message, at: iso(n.at) })),
    error: report.error,
  };
}

/** The first line of the human status: running, running but unreachable, or not running. */
export function statusHeadline(report: DaemonReport): string {
  if (report.socket === 'untrusted') return L.untrusted;
  if (!report.running) return L.notRunning;
  return report.error ? L.runningUnreachable : L.running;
}

/** The label/value lines of the human status (`now` for "… ago"). */
export function statusFields(report: DaemonReport, now: number): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  const ago = (ms: number) => `${new Date(ms).toISOString()} (${L.ago(formatDuration(now - ms))})`;
  if (report.running) fields.push([L.pid, report.pid === null ? L.unknown : String(report.pid)]);
  fields.push([L.socket, report.socketPath]);
  if (report.running && report.daemonVersion !== null && report.protocol !== null) {
    fields.push([L.version, L.versions(report.daemonVersion, report.protocol)]);
  }
  const state = report.state;
  if (state) {
    const health = state.health;
    const lastError = health.lastError ? `; ${L.lastError(health.lastError.code, health.lastError.message)}` : '';
    fields.push([L.health, L.healthLine(health.state, health.since === null ? '' : ago(health.since)) + lastError]);
    const count = String(Object.keys(state.sessions).length);
    fields.push([L.sessions, health.stale ? `${count} (${L.staleData})` : count]);
    fields.push([L.lastPoll, state.lastPollAt === null ? L.never : ago(state.lastPollAt)]);
  }
  for (const notice of state?.notices ?? []) fields.push([L.notice, notice.message]);
  if (report.error) fields.push([L.problem, report.error.message]);
  if (report.socket === 'stale') fields.push([L.leftover, L.staleSocket]);
  if (report.stalePid !== null) fields.push([L.leftover, L.stalePid(report.stalePid)]);
  fields.push([L.log, report.logFile]);
  return fields;
}

/** The human `daemon status` text. */
export function statusText(report: DaemonReport, now: number): string {
  const body = indent(renderFields(statusFields(report, now)));
  const hint = report.running || report.socket === 'untrusted' ? '' : `${L.startHint}\n`;
  return `${statusHeadline(report)}\n${body}${hint}`;
}

/** Indents every line of `text` by two spaces. */
export function indent(text: string): string {
  return text.replace(/^(?=.)/gm, '  ');
}
