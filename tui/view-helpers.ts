// Helpers of the view reducer: selection with scrolling, expiry of transient marks, and Esc.

import { dictWithout } from '../src/domain/dict.js';
import { reduceLog } from './log-view.js';
import type { RowsInfo } from './view-actions.js';
import type { ViewState } from './view-types.js';

/**
 * Selects row `index` (clamped) and scrolls the table just enough to show it. A gone row is passed
 * over in `direction` (the way the cursor travels), else the other way.
 */
export function selectIndex(view: ViewState, index: number, info: RowsInfo, direction: 1 | -1 = 1): ViewState {
  const { rows, page } = info;
  const gone = new Set(info.gone ?? []);
  if (rows.every((key) => gone.has(key))) return { ...view, selected: null, selectedIndex: 0, tableTop: rows.length === 0 ? 0 : view.tableTop };
  let i = Math.max(0, Math.min(rows.length - 1, index));
  const step = (from: number, by: number) => {
    let j = from;
    while (j >= 0 && j < rows.length && gone.has(rows[j])) j += by;
    return j >= 0 && j < rows.length ? j : -1;
  };
  const ahead = step(i, direction);
  i = ahead >= 0 ? ahead : step(i, -direction);
  const height = Math.max(1, page);
  let top = Math.min(view.tableTop, Math.max(0, rows.length - height));
  if (i < top) top = i;
  if (i >= top + height) top = i - height + 1;
  const changed = rows[i] !== view.selected;
  return {
    ...view,
    selected: rows[i],
    selectedIndex: i,
    tableTop: top,
    detailsTop: changed ? 0 : view.detailsTop,
    detailsMode: changed ? 'details' : view.detailsMode,
  };
}

/** The list with `id` added or removed. */
export const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
/** A null-prototype copy of `record` without `ids`. */
export const without = <V>(record: Readonly<Record<string, V>>, ids: readonly string[]) => dictWithout(record, ids);

/** Drops the flash and highlights whose time is up (same object when nothing expired). */
export function expire(view: ViewState, now: number): ViewState {
  const flash = view.flash && view.flash.until <= now ? null : view.flash;
  const gone = Object.entries(view.highlights)
    .filter(([, h]) => h.until <= now)
    .map(([id]) => id);
  if (flash === view.flash && gone.length === 0) return view;
  return { ...view, flash, highlights: without(view.highlights, gone), ghosts: without(view.ghosts, gone) };
}

/** What Esc does: close the innermost thing that is open, one step at a time. */
export function back(view: ViewState): ViewState {
  if (view.prompt) return { ...view, prompt: null };
  if (view.modal) return { ...view, modal: null };
  if (view.filterEditing) return { ...view, filterEditing: false, filter: view.filterBefore };
  if (view.logs.searchEditing) return { ...view, logs: reduceLog(view.logs, { type: 'search-cancel' }) };
  if (view.logsFull) return { ...view, logsFull: false };
  if (view.focus !== 'table') return { ...view, focus: 'table' };
  if (view.detailsMode === 'events') return { ...view, detailsMode: 'details' };
  if (view.marks.length > 0) return { ...view, marks: [] };
  if (view.filter !== '') return { ...view, filter: '' };
  return view;
}
