// Human views of sessions: pure functions from data to text.

import { terminalLine } from '../../domain/terminal-text.js';
import { isActive, type PublicSession, type Session } from '../../domain/session.js';
import { formatAge, formatCores, formatGiB, formatPercent, formatTimeLeft, formatTimestamp, formatUsage, parseTime } from '../format.js';
import { causeText, estimateText, renewText, waitedText } from '../answer-text.js';
import type { Answers, SessionAnswer } from '../session-answers.js';
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

/** The REASON cell: why a Pending session waits and for how long, or why a session failed; '' when there is nothing to say. */
export function reasonCell(answer: SessionAnswer | undefined, now: number): string {
  if (answer?.pending) {
    const waited = waitedText(answer.pending, now);
    return waited ? `${answer.pending.reason}, ${waited}` : answer.pending.reason;
  }
  return answer?.failure ? causeText(answer.failure) : '';
}

/** The `ps` table: SESSION ID, NAME, KIND, STATUS, IMAGE, AGE, EXPIRES, CPU, RAM (GiB), and REASON when a row has one. */
export function sessionTable(sessions: readonly Session[], now: number, style: Style = createStyle(false), answers: Answers = new Map()): string {
  const reasons = sessions.map((s) => reasonCell(answers.get(s.id), now));
  const withReason = reasons.some((r) => r !== '');
  const rows = sessions.map((s, i) => [
    styled(s.id, style.cyan),
    s.name || s.id,
    s.kind,
    styled(s.status, style.status),
    s.image,
    formatAge(s.startedAt, now),
    s.kind === 'headless' ? '-' : formatTimeLeft(s.expiresAt, now),
    formatUsage(s.cpu.used, s.cpu.requested, formatCores),
    formatUsage(s.ramGB.used, s.ramGB.requested, formatGiB),
    ...(withReason ? [styled(reasons[i], s.status === 'Pending' ? style.yellow : style.red)] : []),
  ]);
  const headers = withReason ? [...LABELS.sessionColumns, LABELS.reasonColumn] : LABELS.sessionColumns;
  return renderTable(headers, rows, { header: style.bold });
}

/** Usage against the request, like canfar's info: "0.5/2 (25%)" for fixed sessions, "0.5" for flexible ones; `unit` follows the numbers. */
function usageLine(
  used: number | null,
  requested: number | null,
  fixed: boolean | null,
  format: (v: number | null | undefined) => string,
  unit = (v: string) => v,
): string {
  if (fixed === false || requested === null) return used === null ? LABELS.unknown : unit(format(used));
  const pct = formatPercent(used, requested);
  return `${unit(formatUsage(used, requested, format))}${pct ? ` (${pct})` : ''}`;
}

/** The answer fields of `info`: why it waits, since when and how much longer, why it failed, the last renew. */
function answerFields(answer: SessionAnswer | undefined, now: number, style: Style): Array<[string, Cell]> {
  const L = LABELS.info;
  const fields: Array<[string, Cell]> = [];
  const p = answer?.pending;
  if (p) {
    const waited = waitedText(p, now);
    fields.push([L.waiting, styled(waited ? `${p.reason}, for ${waited}` : p.reason, style.yellow)]);
    if (p.detail) fields.push([L.why, p.detail]);
    const estimate = estimateText(p.estimate);
    if (estimate) fields.push([L.estimate, estimate]);
  }
  const f = answer?.failure;
  if (f) {
    fields.push([L.failure, styled(f.inferred ? `${f.cause} ${LABELS.inferred}` : f.cause, style.red)]);
    if (f.detail) fields.push([L.why, f.detail]);
  }
  if (answer?.renew) fields.push([L.lastRenew, renewText(answer.renew)]);
  return fields;
}

/** The `info` block for one session: a field list like canfar's info table, with the answers when given. */
export function sessionDetail(session: Session, now: number, style: Style = createStyle(false), answer?: SessionAnswer): string {
  const L = LABELS.info;
  const when = (iso: string | null, relative: string) => (iso ? `${formatTimestamp(iso)} (${relative})` : LABELS.unknown);
  const flavor = session.fixed === null ? LABELS.unknown : session.fixed ? LABELS.fixed : LABELS.flexible;
  const fields: Array<[string, Cell]> = [
    [L.id, styled(session.id, style.cyan)],
    [L.name, session.name || session.id],
    [L.status, styled(session.status, style.status)],
    ...answerFields(answer, now, style),
    [L.kind, session.kind],
    [L.image, session.image],
    [L.user, session.user ?? LABELS.unknown],
    [L.started, when(session.startedAt, LABELS.ago(formatAge(session.startedAt, now)))],
    [L.expires, when(session.expiresAt, LABELS.inTime(formatTimeLeft(session.expiresAt, now)))],
    [L.url, session.url ?? '-'],
    [L.resources, flavor],
    [L.cpu, usageLine(session.cpu.used, session.cpu.requested, session.fixed, formatCores)],
    [L.ram, usageLine(session.ramGB.used, session.ramGB.requested, session.fixed, formatGiB, LABELS.gib)],
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
