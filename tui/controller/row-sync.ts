// After the model changed: the table is rebuilt when its inputs changed, the view follows the rows
// (cursor, marks, an open confirmation, the table's size), and what left is said in one short note.

import { isFinished } from '../../src/domain/session.js';
import { FLASH } from '../text.js';
import { buildTable, type TableModel } from '../render/table-rows.js';
import type { DashboardModel } from '../render/frame.js';
import { reduceViewWith } from '../view-reducer.js';
import type { RowsInfo } from '../view-actions.js';
import type { ViewState } from '../view-types.js';

/** The table's row keys for selection moves: display order, the page height, and the rows the cursor skips. */
export function rowsInfo(table: TableModel, page: number): RowsInfo {
  const gone = table.rows.filter((r) => r.type === 'session' && r.ghost).map((r) => r.key);
  return { rows: table.rows.map((r) => r.key), page, gone };
}

/** What a row key (a session id or a group key) is called in `model`, or the key itself. */
function label(model: DashboardModel, key: string): string {
  const row = model.table.rows.find((r) => r.key === key);
  if (row) return row.type === 'group' ? row.group.base : row.session.name;
  return model.state?.sessions[key]?.name ?? model.view.ghosts[key]?.name ?? model.view.pending[key]?.name ?? key;
}

/** Why the selected row left: finished and hidden, filtered out, or no longer listed. */
function why(model: DashboardModel, key: string): string {
  const session = model.state?.sessions[key];
  if (!session) return FLASH.goneListed;
  if (isFinished(session) && !model.view.showAll) return FLASH.goneFinished(session.status);
  return FLASH.goneFiltered;
}

/** Pure: the note about sessions that left between `previous` and `model` (the view before and after the sync), or null. */
export function leftNote(previous: DashboardModel, model: DashboardModel, before: ViewState): string | null {
  const after = model.view;
  const name = (id: string) => label(previous, id);
  const notes: string[] = [];
  // The user's own filter or sort moves the cursor where they look: only a change of the data is told.
  if (
    previous.state !== model.state &&
    before.selected !== null &&
    after.selected !== before.selected &&
    !model.table.rows.some((r) => r.key === before.selected && !(r.type === 'session' && r.ghost))
  ) {
    notes.push(FLASH.cursorMoved(name(before.selected), why(model, before.selected), after.selected === null ? null : label(model, after.selected)));
  }
  const shrank = before.modal?.type === 'confirm' && after.modal !== before.modal ? before.modal : null;
  const kept = after.modal?.type === 'confirm' ? after.modal.ids : [];
  const dropped = shrank ? shrank.ids.filter((id) => !kept.includes(id)) : [];
  // A session the open dialog drops is said once, by the dialog's note.
  const unmarked = before.marks.filter((id) => !after.marks.includes(id) && !dropped.includes(id));
  if (unmarked.length > 0) notes.push(FLASH.unmarked(unmarked.map(name)));
  if (shrank) notes.push(FLASH.confirmShrank(shrank.action, dropped.map(name), kept.length));
  return notes.length > 0 ? notes.join('; ') : null;
}

/** Pure: `model` with its table rebuilt (when its inputs changed since `previous`) and its view synced to the rows; plus the note to flash. */
export function syncTable(previous: DashboardModel, model: DashboardModel, page: number): { model: DashboardModel; note: string | null } {
  const p = previous.view;
  const v = model.view;
  const same =
    previous.state === model.state &&
    p.filter === v.filter &&
    p.sort === v.sort &&
    p.showAll === v.showAll &&
    p.expanded === v.expanded &&
    p.highlights === v.highlights &&
    p.ghosts === v.ghosts &&
    p.pending === v.pending;
  const table = !same || previous.table !== model.table ? buildTable(model.state, model.view) : model.table;
  const info = rowsInfo(table, page);
  const view = reduceViewWith(v, { type: 'sync-rows', ...info, before: previous.table.rows.map((r) => r.key), live: table.live, listed: table.listed }, null);
  const next = { ...model, table, view };
  return { model: next, note: leftNote(previous, next, v) };
}
