// Pure: which rows the sessions table shows, in which order (filter, active/all, replica groups, sort).

import { dictGet } from '../../src/domain/dict.js';
import { isFinished, type Session } from '../../src/domain/session.js';
import { groupReplicas, type ReplicaGroup } from '../../src/state/replicas.js';
import type { DaemonState } from '../../src/state/state.js';
import { parseTime } from '../../src/cli/format.js';
import type { HighlightKind, SortColumn, ViewState } from '../view-state.js';

/** One table row: a session (top level or inside an expanded group) or a replica group. */
export type TableRow =
  | { type: 'session'; key: string; session: Session; depth: 0 | 1; highlight: HighlightKind | null; ghost: boolean }
  | { type: 'group'; key: string; group: ReplicaGroup; members: Session[]; expanded: boolean };

/** The rows plus what the header and empty states need to say. */
export interface TableModel {
  rows: TableRow[];
  /** Sessions the daemon lists. */
  total: number;
  /** Rows shown after filtering (groups count their members). */
  shown: number;
  hiddenFinished: number;
  /** The filter is not a valid regex (it is then matched as plain text). */
  filterError: string | null;
}

/** A compiled `/` filter: a case-insensitive regex over id, name, kind, status and image; `!` inverts. */
export function compileFilter(filter: string): { test: (s: Session) => boolean; error: string | null } {
  const invert = filter.startsWith('!');
  const pattern = invert ? filter.slice(1) : filter;
  if (pattern === '') return { test: () => true, error: null };
  let regex: RegExp;
  let error: string | null = null;
  try {
    regex = new RegExp(pattern, 'i');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    regex = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
  const test = (s: Session) => regex.test(`${s.id} ${s.name} ${s.kind} ${s.status} ${s.image}`) !== invert;
  return { test, error };
}

// Read with dictGet: a server status such as "constructor" must rank as unknown, not as Object.
const STATUS_RANK: Readonly<Record<string, number>> = { Pending: 0, Running: 1, Terminating: 2, Failed: 3, Error: 3, Completed: 4, Succeeded: 4 };

type SortValue = number | string;

function sessionValue(s: Session, column: SortColumn): SortValue {
  switch (column) {
    case 'age':
      return -(parseTime(s.startedAt) ?? Number.MAX_SAFE_INTEGER);
    case 'expires':
      return parseTime(s.expiresAt) ?? Number.MAX_SAFE_INTEGER;
    case 'status':
      return dictGet(STATUS_RANK, s.status) ?? 5;
    case 'cpu':
      return -(s.cpu.used ?? -1);
    case 'ram':
      return -(s.ramGB.used ?? -1);
    case 'name':
      return s.name.toLowerCase();
    default:
      return String(s[column]).toLowerCase();
  }
}

function groupValue(members: readonly Session[], base: string, column: SortColumn): SortValue {
  if (column === 'name') return base.toLowerCase();
  if (column === 'cpu' || column === 'ram') return members.reduce((sum, s) => sum + (sessionValue(s, column) as number), 0);
  const values = members.map((s) => sessionValue(s, column));
  return values.reduce((a, b) => (a < b ? a : b));
}

const compare = (a: SortValue, b: SortValue) => (a < b ? -1 : a > b ? 1 : 0);

interface Item {
  value: SortValue;
  name: string;
  row: TableRow;
  members?: Session[];
}

/** Pure: the table's rows for the daemon state and the view (selection is not applied here). */
export function buildTable(state: DaemonState | null, view: ViewState): TableModel {
  const listed = Object.values(state?.sessions ?? {});
  const extra = [...Object.values(view.pending), ...Object.values(view.ghosts)].filter((s) => !state?.sessions[s.id]);
  const all = [...listed, ...extra];
  const isVisible = (s: Session) => view.showAll || !isFinished(s) || Boolean(view.ghosts[s.id]);
  const { test, error } = compileFilter(view.filter);
  const shows = (s: Session) => isVisible(s) && test(s);
  // Groups are formed over every session, so a group's progress counts its finished members too.
  const groups = groupReplicas(all, state?.launches ?? []);
  const grouped = new Set(groups.flatMap((g) => g.ids));
  const byId = new Map(all.map((s) => [s.id, s]));
  const { column, descending } = view.sort;
  const sessionRow = (s: Session, depth: 0 | 1): TableRow => ({
    type: 'session', key: s.id, session: s, depth, highlight: view.highlights[s.id]?.kind ?? null, ghost: !state?.sessions[s.id] && !!view.ghosts[s.id],
  });
  const items: Item[] = all.filter((s) => !grouped.has(s.id) && shows(s)).map((s) => ({ value: sessionValue(s, column), name: s.name, row: sessionRow(s, 0) }));
  let shown = items.length;
  for (const group of groups) {
    const members = group.ids.map((id) => byId.get(id)).filter((s): s is Session => !!s);
    const visible = members.filter(shows);
    if (visible.length === 0) continue;
    shown += visible.length;
    const expanded = view.expanded.includes(group.key);
    items.push({ value: groupValue(visible, group.base, column), name: group.base, members: visible, row: { type: 'group', key: group.key, group, members, expanded } });
  }
  const order = (a: Item, b: Item) => (descending ? -1 : 1) * compare(a.value, b.value) || a.name.localeCompare(b.name) || a.row.key.localeCompare(b.row.key);
  items.sort(order);
  const rows: TableRow[] = [];
  for (const item of items) {
    rows.push(item.row);
    if (item.row.type === 'group' && item.row.expanded) {
      const members = (item.members ?? []).map((s) => ({ value: sessionValue(s, column), name: s.name, row: sessionRow(s, 1) }));
      rows.push(...members.sort(order).map((m) => m.row));
    }
  }
  return { rows, total: listed.length, shown, hiddenFinished: all.filter((s) => !isVisible(s)).length, filterError: error };
}

/** The session ids a row stands for (a group stands for all its members). */
export function rowSessionIds(row: TableRow): string[] {
  return row.type === 'group' ? row.members.map((s) => s.id) : [row.session.id];
}
