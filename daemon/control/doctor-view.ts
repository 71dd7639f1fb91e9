import type { Paths } from '../../src/config/paths.js';
import { terminalLine as line } from '../../src/domain/terminal-text.js';
import type { CredentialDescription } from '../../src/config/credentials.js';
import { visibleWidth, type Style } from '../../src/cli/style.js';
import { DOCTOR_TEXT as T, STATUS_LABELS } from './control-text.js';
import { checkMark, type DoctorCheck } from './doctor-check.js';
import type { DaemonReport } from './inspect-daemon.js';
import { indent, statusFields, statusHeadline, statusJson, type DaemonStatusJson } from './status-view.js';
import { renderFields } from '../../src/cli/table.js';

/** Everything doctor found. */
export interface DoctorReport {
  paths: Paths;
  checks: DoctorCheck[];
  credentials: CredentialDescription | null;
  server: { url: string | null; source: string | null };
  daemon: DaemonReport;
}

/** `doctor --json`: paths, every check (daemon included), the credential without its secret, the server, the daemon status. */
export interface DoctorJson {
  paths: Paths;
  checks: DoctorCheck[];
  credentials: Omit<CredentialDescription, 'summary'> | null;
  server: { url: string | null; source: string | null };
  daemon: DaemonStatusJson;
}

/** The doctor check for the daemon itself: running and answering (ok), running but unusable (fail), or not running (warn). */
export function daemonCheck(report: DaemonReport): DoctorCheck {
  const base = { section: 'daemon' as const, name: 'daemon' };
  if (report.socket === 'untrusted') return { ...base, status: 'fail', detail: STATUS_LABELS.untrusted };
  if (!report.running) return { ...base, status: 'warn', detail: `${STATUS_LABELS.notRunning} — ${STATUS_LABELS.startHint}` };
  if (report.error) return { ...base, status: 'fail', detail: `${statusHeadline(report)}: ${report.error.message}` };
  return { ...base, status: 'ok', detail: statusHeadline(report) };
}

/** The doctor report as `--json` prints it. */
export function doctorJson(report: DoctorReport): DoctorJson {
  const c = report.credentials;
  return {
    paths: report.paths,
    checks: report.checks,
    credentials: c && { kind: c.kind, source: c.source, path: c.path, expiresAt: c.expiresAt, expired: c.expired },
    server: report.server,
    daemon: statusJson(report.daemon),
  };
}

/** The human doctor report: one section per area, a mark in front of every check; controls in names, paths and details shown as visible escapes. */
export function doctorText(report: DoctorReport, style: Style, now: number): string {
  const titles = { paths: T.paths, credentials: T.credentials, server: T.server, daemon: T.daemon } as const;
  const width = Math.max(...report.checks.filter((c) => c.path).map((c) => visibleWidth(line(c.name))));
  let text = `${style.bold(T.title)}\n`;
  for (const section of ['paths', 'credentials', 'server', 'daemon'] as const) {
    text += `\n${style.bold(titles[section])}\n`;
    for (const check of report.checks.filter((c) => c.section === section)) {
      const what = check.path ? `${line(check.name).padEnd(width)}  ${line(check.path)} — ${line(check.detail)}` : line(check.detail);
      text += `  ${checkMark(check.status, style)} ${what}\n`;
    }
    if (section === 'daemon' && report.daemon.running) text += indent(indent(renderFields(statusFields(report.daemon, now))));
  }
  return text;
}
