// Pure: the view after the table's rows changed: the cursor follows its session (to a neighbour when
// it left), marks and an open confirmation keep only sessions still there, and the table's size
// follows its rows without jumping.

import { selectIndex } from './view-helpers.js';
import type { SyncInfo, ViewState } from './view-state.js';

/** Body rows the table keeps free for a row that comes, so one launch does not move the layout. */
const SPARE_ROWS = 1;
/** How many rows the table may keep empty before it gives them back to the panes below. */
const SHRINK_SLACK = 3;
/** The fewest body rows the table asks for (an empty table still says why it is empty). */
const MIN_ROWS = 2;

/** Pure: the table body rows wanted for `rows` rows, given what was wanted before: grows at once, shrinks only past a slack. */
export function nextTableFit(previous: number | null, rows: number): number {
  const need = Math.max(MIN_ROWS, rows + SPARE_ROWS);
  if (previous === null || rows > previous || previous - rows > SHRINK_SLACK) return need;
  return previous;
}

/** Pure: marks of sessions no longer `live`, and ids of a confirmation no longer `listed`, dropped (a confirmation left empty closes). */
function prune(view: ViewState, info: SyncInfo): ViewState {
  const marks = info.live ? view.marks.filter((id) => info.live!.has(id)) : view.marks;
  let modal = view.modal;
  if (modal?.type === 'confirm' && info.listed) {
    const ids = modal.ids.filter((id) => info.listed!.has(id));
    if (ids.length !== modal.ids.length) modal = ids.length > 0 ? { ...modal, ids } : null;
  }
  return marks.length === view.marks.length && modal === view.modal ? view : { ...view, marks, modal };
}

/** Where the cursor goes: its own row while it is there, else the nearest row after it (before: above it) that is still there. */
function followIndex(view: ViewState, info: SyncInfo): { at: number; direction: 1 | -1 } {
  const gone = new Set(info.gone ?? []);
  const index = new Map(info.rows.map((key, i) => [key, i]));
  const usable = (key: string) => index.has(key) && !gone.has(key);
  const selected = view.selected;
  if (selected !== null && usable(selected)) return { at: index.get(selected)!, direction: 1 };
  const was = selected === null || !info.before ? -1 : info.before.indexOf(selected);
  if (was >= 0) {
    const after = info.before!.slice(was + 1).find(usable);
    if (after !== undefined) return { at: index.get(after)!, direction: 1 };
    const before = info.before!.slice(0, was).reverse().find(usable);
    if (before !== undefined) return { at: index.get(before)!, direction: -1 };
  }
  return { at: view.selectedIndex, direction: 1 };
}

/** Pure: the view once the rows are `info.rows`. */
export function syncRows(view: ViewState, info: SyncInfo): ViewState {
  const pruned = prune(view, info);
  const { at, direction } = followIndex(pruned, info);
  const synced = selectIndex(pruned, at, info, direction);
  const tableFit = nextTableFit(view.tableFit, Math.max(1, info.rows.length));
  return synced.tableFit === tableFit ? synced : { ...synced, tableFit };
}
