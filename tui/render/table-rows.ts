// Pure: which rows the sessions table shows, in which order (filter, active/all, replica groups, sort).

import { dictGet } from '../../src/domain/dict.js';
import { isFinished, type Session } from '../../src/domain/session.js';
import { groupReplicas, type ReplicaGroup } from '../../src/state/replicas.js';
import type { DaemonState } from '../../src/state/state.js';
import { parseTime } from '../../src/cli/format.js';
import type { HighlightKind, SortColumn, ViewState } from '../view-types.js';

/**
 * One table row: a session (top level or inside an expanded group) or a replica group. `marks` are the
 * ids Space marks on it: the session itself, or the group's members still in the table (none on a ghost).
 */
export type TableRow =
  | { type: 'session'; key: string; session: Session; depth: 0 | 1; highlight: HighlightKind | null; ghost: boolean; marks: string[] }
  | { type: 'group'; key: string; group: ReplicaGroup; members: Session[]; expanded: boolean; marks: string[] };

/** The rows plus what the header, the empty states, marks and dialogs need to agree on. */
export interface TableModel {
  rows: TableRow[];
  /** Sessions there are: the daemon's listing plus launched ones not listed yet (never a removed one). */
  total: number;
  /** Sessions the rows show after filtering (groups count their members; removed ones do not count). */
  shown: number;
  hiddenFinished: number;
  /** The filter is not a valid regex (it is then matched as plain text). */
  filterError: string | null;
  /** Sessions that may stay marked: listed (or launched) and not hidden as finished; the filter does not matter. */
  live: ReadonlySet<string>;
  /** The live sessions the filter lets through (what the rows show). */
  visible: ReadonlySet<string>;
  /** Sessions that exist: listed, or launched and not listed yet (removed ones shown for a moment are not). */
  listed: ReadonlySet<string>;
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
  const isGhost = (s: Session) => !state?.sessions[s.id] && !!view.ghosts[s.id];
  const live = new Set(all.filter((s) => !isGhost(s) && isVisible(s)).map((s) => s.id));
  const visible = new Set([...live].filter((id) => test(byId.get(id)!)));
  const sessionRow = (s: Session, depth: 0 | 1): TableRow => ({
    type: 'session',
    key: s.id,
    session: s,
    depth,
    highlight: view.highlights[s.id]?.kind ?? null,
    ghost: isGhost(s),
    marks: live.has(s.id) ? [s.id] : [],
  });
  const items: Item[] = all.filter((s) => !grouped.has(s.id) && shows(s)).map((s) => ({ value: sessionValue(s, column), name: s.name, row: sessionRow(s, 0) }));
  for (const group of groups) {
    const members = group.ids.map((id) => byId.get(id)).filter((s): s is Session => !!s);
    const shownMembers = members.filter(shows);
    if (shownMembers.length === 0) continue;
    const expanded = view.expanded.includes(group.key);
    const marks = shownMembers.filter((s) => live.has(s.id)).map((s) => s.id);
    items.push({
      value: groupValue(shownMembers, group.base, column),
      name: group.base,
      members: shownMembers,
      row: { type: 'group', key: group.key, group, members, expanded, marks },
    });
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
  // Removed sessions still shown for a moment count nowhere, so the header never says "6 of 3".
  const listedIds = new Set(all.filter((s) => !isGhost(s)).map((s) => s.id));
  return {
    rows,
    total: listedIds.size,
    shown: visible.size,
    hiddenFinished: all.filter((s) => !isVisible(s)).length,
    filterError: error,
    live,
    visible,
    listed: listedIds,
  };
}

/** The session ids a row stands for (a group stands for all its members). */
export function rowSessionIds(row: TableRow): string[] {
  return row.type === 'group' ? row.members.map((s) => s.id) : [row.session.id];
}
