// The dashboard's UI state (selection, focus, filter, sort, marks, modal, flash, log pane, form)
// and its pure reducer. Actions that depend on the visible rows carry them, so the reducer stays pure.

import { dictFrom, emptyDict, hasKey } from '../src/domain/dict.js';
import { emptyLogView, reduceLog } from './log-view.js';
import { reduceForm } from './form/launch-form.js';
import { back, expire, selectIndex, toggle, without } from './view-helpers.js';
import type { RowsInfo, ViewAction } from './view-actions.js';
import { FLASH_MS, HIGHLIGHT_MS, SORT_COLUMNS, type Pane, type ViewState } from './view-types.js';

/** The view's types and constants live in their own file (the actions and helpers need them); re-exported so callers need one import. */
export { FLASH_MS, HIGHLIGHT_MS, type FlashLevel, type HighlightKind, type Pane, type SortColumn, type ViewState } from './view-types.js';

/** The action types live in their own file; re-exported so callers need one import. */
export type { RowsInfo, ViewAction } from './view-actions.js';

/** The view when the dashboard opens. */
export function initialView(): ViewState {
  return {
    focus: 'table', selected: null, selectedIndex: 0, tableTop: 0,
    filter: '', filterEditing: false, filterBefore: '',
    sort: { column: 'age', descending: false }, showAll: false, marks: [], expanded: [],
    modal: null, modalTop: 0, flash: null, detailsMode: 'details', detailsTop: 0,
    logs: emptyLogView(), logsFull: false, openWhenReady: [], readyWatch: [],
    highlights: emptyDict(), ghosts: emptyDict(), pending: emptyDict(),
  };
}

/** Pure: the view after `action`. */
export function reduceView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'move':
      return selectIndex(view, currentIndex(view, action) + action.delta, action);
    case 'move-to':
      return selectIndex(view, action.to === 'first' ? 0 : action.rows.length - 1, action);
    case 'select': {
      const index = action.rows.indexOf(action.key);
      return index < 0 ? view : selectIndex(view, index, action);
    }
    case 'sync-rows':
      return selectIndex(view, currentIndex(view, action), action);
    case 'focus-next': {
      const panes: Pane[] = action.logsOpen ? ['table', 'details', 'logs'] : ['table', 'details'];
      return { ...view, focus: panes[(panes.indexOf(view.focus) + 1) % panes.length] };
    }
    case 'focus':
      return { ...view, focus: action.pane };
    case 'filter-start':
      return { ...view, filterEditing: true, filterBefore: view.filter };
    case 'filter-input':
      return { ...view, filter: view.filter + action.text };
    case 'filter-backspace':
      return { ...view, filter: [...view.filter].slice(0, -1).join('') };
    case 'filter-commit':
      return { ...view, filterEditing: false };
    case 'filter-cancel':
      return { ...view, filterEditing: false, filter: view.filterBefore };
    case 'sort-next': {
      const i = SORT_COLUMNS.indexOf(view.sort.column);
      return { ...view, sort: { column: SORT_COLUMNS[(i + 1) % SORT_COLUMNS.length], descending: false } };
    }
    case 'sort-reverse':
      return { ...view, sort: { ...view.sort, descending: !view.sort.descending } };
    case 'toggle-all':
      return { ...view, showAll: !view.showAll };
    case 'toggle-marks': {
      // A group toggles as one: all on unless all are already marked.
      const allMarked = action.ids.every((id) => view.marks.includes(id));
      const rest = view.marks.filter((id) => !action.ids.includes(id));
      return { ...view, marks: allMarked ? rest : [...rest, ...action.ids] };
    }
    case 'clear-marks':
      return { ...view, marks: [] };
    case 'toggle-expand':
      return { ...view, expanded: toggle(view.expanded, action.key) };
    case 'open-modal':
      return { ...view, modal: action.modal, modalTop: 0 };
    case 'modal-scroll':
      return { ...view, modalTop: Math.max(0, view.modalTop + action.delta) };
    case 'close-modal':
      return { ...view, modal: null };
    case 'flash':
      return { ...view, flash: { level: action.level, text: action.text, until: action.now + FLASH_MS[action.level] } };
    case 'expire':
      return expire(view, action.now);
    case 'details-mode':
      return { ...view, detailsMode: action.mode, detailsTop: 0, focus: 'details' };
    case 'details-scroll':
      return { ...view, detailsTop: Math.max(0, view.detailsTop + action.delta) };
    case 'log':
      return { ...view, logs: reduceLog(view.logs, action.action) };
    case 'logs-full':
      return { ...view, logsFull: !view.logsFull, focus: view.logsFull ? view.focus : 'logs' };
    case 'arm-open':
      return { ...view, openWhenReady: view.openWhenReady.includes(action.id) ? view.openWhenReady : [...view.openWhenReady, action.id] };
    case 'disarm-open':
      return { ...view, openWhenReady: view.openWhenReady.filter((id) => id !== action.id) };
    case 'watch-ready':
      return { ...view, readyWatch: [...new Set([...view.readyWatch, ...action.ids])] };
    case 'unwatch-ready':
      return { ...view, readyWatch: view.readyWatch.filter((id) => id !== action.id) };
    case 'highlight': {
      if (action.changes.length === 0) return view;
      const highlights = dictFrom(view.highlights);
      for (const c of action.changes) highlights[c.id] = { kind: c.kind, until: action.now + HIGHLIGHT_MS };
      const ghosts = dictFrom(view.ghosts);
      for (const s of action.removed) ghosts[s.id] = s;
      return { ...view, highlights, ghosts };
    }
    case 'pending-add':
      return { ...view, pending: dictFrom([...Object.entries(view.pending), ...action.sessions.map((s) => [s.id, s] as const)]) };
    case 'pending-drop':
      return action.ids.some((id) => hasKey(view.pending, id)) ? { ...view, pending: without(view.pending, action.ids) } : view;
    case 'form':
      return view.modal?.type === 'launch' ? { ...view, modal: { type: 'launch', form: reduceForm(view.modal.form, action.action, action.env) } } : view;
    case 'back':
      return back(view);
  }
}

function currentIndex(view: ViewState, info: RowsInfo): number {
  const index = view.selected === null ? -1 : info.rows.indexOf(view.selected);
  // A selected row that vanished leaves the cursor where it was, on the row that took its place.
  return index >= 0 ? index : view.selectedIndex;
}
