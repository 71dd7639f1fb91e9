// Human views of sessions: pure functions from data to text.

import { terminalLine } from '../../domain/terminal-text.js';
import { isActive, type PublicSession, type Session } from '../../domain/session.js';
import { formatAge, formatCores, formatGB, formatPercent, formatTimeLeft, formatTimestamp, formatUsage, parseTime } from '../format.js';
import { createStyle, type Style } from '../style.js';
import { renderFields, renderTable, styled, type Cell } from '../table.js';
import { LABELS } from '../text.js';

/** Sessions ordered like canfar's `ps`: by start time, not-yet-started last, then by id. */
export function sortSessions(sessions: readonly Session[]): Session[] {
  const key = (s: Session) => parseTime(s.startedAt) ?? Number.POSITIVE_INFINITY;
  return [...sessions].sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id));
}

/** What `ps` shows: everything with `all` or an explicit status filter, else Pending and Running only. */
export function selectSessions(sessions: readonly Session[], options: { all?: boolean; status?: string }): Session[] {
  const shown = options.all || options.status ? sessions : sessions.filter(isActive);
  return sortSessions(shown);
}

/** The `ps` table: SESSION ID, NAME, KIND, STATUS, IMAGE, CREATED, EXPIRES, CPU, RAM. */
export function sessionTable(sessions: readonly Session[], now: number, style: Style = createStyle(false)): string {
  const rows = sessions.map((s) => [
    styled(s.id, style.cyan),
    s.name || s.id,
    s.kind,
    styled(s.status, style.status),
    s.image,
    formatAge(s.startedAt, now),
    s.kind === 'headless' ? '-' : formatTimeLeft(s.expiresAt, now),
    formatUsage(s.cpu.used, s.cpu.requested, formatCores),
    formatUsage(s.ramGB.used, s.ramGB.requested, formatGB),
  ]);
  return renderTable(LABELS.sessionColumns, rows, { header: style.bold });
}

/** Usage against the request, like canfar's info: "0.5/2 (25%)" for fixed sessions, "0.5" for flexible ones. */
function usageLine(used: number | null, requested: number | null, fixed: boolean | null, format: (v: number | null | undefined) => string): string {
  if (fixed === false || requested === null) return used === null ? LABELS.unknown : format(used);
  const pct = formatPercent(used, requested);
  return `${formatUsage(used, requested, format)}${pct ? ` (${pct})` : ''}`;
}

/** The `info` block for one session: a field list like canfar's info table. */
export function sessionDetail(session: Session, now: number, style: Style = createStyle(false)): string {
  const L = LABELS.info;
  const when = (iso: string | null, relative: string) => (iso ? `${formatTimestamp(iso)} (${relative})` : LABELS.unknown);
  const flavor = session.fixed === null ? LABELS.unknown : session.fixed ? LABELS.fixed : LABELS.flexible;
  const fields: Array<[string, Cell]> = [
    [L.id, styled(session.id, style.cyan)],
    [L.name, session.name || session.id],
    [L.status, styled(session.status, style.status)],
    [L.kind, session.kind],
    [L.image, session.image],
    [L.user, session.user ?? LABELS.unknown],
    [L.started, when(session.startedAt, LABELS.ago(formatAge(session.startedAt, now)))],
    [L.expires, when(session.expiresAt, LABELS.inTime(formatTimeLeft(session.expiresAt, now)))],
    [L.url, session.url ?? '-'],
    [L.resources, flavor],
    [L.cpu, usageLine(session.cpu.used, session.cpu.requested, session.fixed, formatCores)],
    [L.ram, usageLine(session.ramGB.used, session.ramGB.requested, session.fixed, formatGB)],
    [L.gpus, session.gpus.requested === null ? '-' : String(session.gpus.requested)],
  ];
  return renderFields(fields, style.bold);
}

/** Session ids, one per line (`ps --quiet`), controls shown as visible escapes. */
export function sessionIds(sessions: readonly Session[]): string {
  return sessions.map((s) => `${terminalLine(s.id)}\n`).join('');
}

/** Other users' sessions as `ps --all-users` shows them: by user, then start time. */
export function sortPublicSessions(sessions: readonly PublicSession[]): PublicSession[] {
  const key = (s: PublicSession) => parseTime(s.startedAt) ?? Number.POSITIVE_INFINITY;
  return [...sessions].sort((a, b) => (a.user ?? '').localeCompare(b.user ?? '') || key(a) - key(b));
}

/** The `ps --all-users` table: USER, KIND, STATUS, STARTED (how long ago). */
export function publicSessionTable(sessions: readonly PublicSession[], now: number, style: Style = createStyle(false)): string {
  const rows = sessions.map((s) => [s.user ?? LABELS.unknown, s.kind, styled(s.status, style.status), formatAge(s.startedAt, now)]);
  return renderTable(LABELS.allUsersColumns, rows, { header: style.bold });
}
