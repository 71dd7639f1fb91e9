// `usage` output: a usage report grouped by kind, day or session, as a table, JSON or CSV (pure).

import { AMOUNT_FIELDS, type Amounts } from '../../state/account-hours.js';
import { localDay, usageByDay, usageByKind } from '../../state/usage-groups.js';
import type { UsageReport } from '../../state/usage-report.js';
import { formatNumber } from '../format.js';
import { createStyle, type Style } from '../style.js';
import { renderTable, styled, type Cell } from '../table.js';
import { USAGE_TEXT as T } from '../usage-text.js';

/** How `usage` groups its figures. */
export const USAGE_GROUPS = ['kind', 'day', 'session'] as const;

/** One grouping. */
export type UsageBy = (typeof USAGE_GROUPS)[number];

type RecordValue = string | number | boolean | null;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const round = (x: number) => Math.round(x * 10_000) / 10_000;

function amountFields(a: Amounts): Record<string, number> {
  return Object.fromEntries(AMOUNT_FIELDS.map((f) => [f, round(a[f])]));
}

/** Pure: the report's rows as flat records (what --json lists and --csv writes), with the keys each grouping has. */
export function usageRecords(report: UsageReport, by: UsageBy, dayOf: (t: number) => string = localDay): Record<string, RecordValue>[] {
  if (by === 'kind') return usageByKind(report).map((r) => ({ kind: r.key, sessions: r.sessions, ...amountFields(r.amounts) }));
  if (by === 'day') return usageByDay(report, dayOf).map((r) => ({ day: r.key, ...amountFields(r.amounts) }));
  return report.sessions.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    status: s.status,
    gone: s.gone,
    fixed: s.fixed,
    cores: s.cores,
    ramGiB: s.ramGiB === null ? null : round(s.ramGiB),
    gpus: s.gpus,
    firstAt: iso(s.firstAt),
    lastAt: iso(s.lastAt),
    ...amountFields(s.amounts),
  }));
}

/** Pure: the `usage --json` document: the window, the grouping, the method, the rows and the total. */
export function usageJson(report: UsageReport, by: UsageBy, dayOf: (t: number) => string = localDay): Record<string, unknown> {
  return {
    since: iso(report.since),
    until: iso(report.until),
    by,
    keptFrom: report.keptFrom === null ? null : iso(report.keptFrom),
    method: T.method,
    rows: usageRecords(report, by, dayOf),
    total: amountFields(report.total),
  };
}

/** The CSV columns of each grouping's rows, in order (docs/output.md). */
export function usageColumns(by: UsageBy): string[] {
  const header =
    by === 'kind'
      ? ['kind', 'sessions']
      : by === 'day'
        ? ['day']
        : ['id', 'name', 'kind', 'status', 'gone', 'fixed', 'cores', 'ramGiB', 'gpus', 'firstAt', 'lastAt'];
  return [...header, ...AMOUNT_FIELDS];
}

/** Hours (core-, GiB- or GPU-) as short text: 3 significant figures up to 2 decimals, "<0.01" for a trace. */
export function formatHours(x: number): string {
  if (x > 0 && x < 0.005) return '<0.01';
  return formatNumber(x, x >= 100 ? 0 : x >= 10 ? 1 : 2);
}

/** The share of the requested core-hours used ("28%"), or null when none were requested. */
export function cpuShare(a: Amounts): string | null {
  return a.coreHoursRequested > 0 ? `${Math.round((a.coreHoursUsed / a.coreHoursRequested) * 100)}%` : null;
}

const hours = formatHours;
const share = (a: Amounts) => cpuShare(a) ?? '-';
const figures = (a: Amounts): string[] => [
  hours(a.hours),
  hours(a.coreHoursRequested),
  hours(a.coreHoursUsed),
  share(a),
  hours(a.gibHoursRequested),
  hours(a.gibHoursUsed),
  hours(a.gpuHours),
];

/** Pure: the `usage` table with a total line, the window above it and the method below. */
export function usageView(report: UsageReport, by: UsageBy, style: Style = createStyle(false), dayOf: (t: number) => string = localDay): string {
  const c = T.columns;
  const amounts = [c.hours, c.coreHoursRequested, c.coreHoursUsed, c.cpuShare, c.gibHoursRequested, c.gibHoursUsed, c.gpuHours];
  let head: string[];
  let rows: Cell[][];
  if (by === 'kind') {
    head = [c.kind, c.sessions];
    rows = usageByKind(report).map((r) => [r.key, String(r.sessions ?? 0), ...figures(r.amounts)]);
  } else if (by === 'day') {
    head = [c.day];
    rows = usageByDay(report, dayOf).map((r) => [r.key, ...figures(r.amounts)]);
  } else {
    head = [c.id, c.name, c.kind, c.status];
    rows = report.sessions.map((s) => [s.id, s.name, s.kind, s.gone ? styled(T.gone(s.status), style.dim) : s.status, ...figures(s.amounts)]);
  }
  const total: Cell[] = [
    styled(T.total, style.bold),
    ...head.slice(1).map((_, i) => (i === 0 && by === 'kind' ? String(report.sessions.length) : '')),
    ...figures(report.total),
  ];
  const table = renderTable([...head, ...amounts], [...rows, total], {
    header: style.bold,
    align: [...head.map((_, i) => (by === 'kind' && i === 1 ? 'right' : 'left')), ...amounts.map(() => 'right' as const)],
  });
  const when = (ms: number) => `${localDay(ms)} ${new Date(ms).toTimeString().slice(0, 5)}`;
  const notes = [style.dim(T.method)];
  if (report.sessions.length === 0) notes.unshift(T.nothing);
  if (report.keptFrom !== null && report.keptFrom > report.since) notes.unshift(T.keptFrom(when(report.keptFrom)));
  return `${style.bold(T.title(when(report.since), when(report.until), by))}\n${table}\n${notes.join('\n')}\n`;
}
