// The dashboard's UI state reducer (selection, focus, filter, sort, marks, modal, flash, log pane):
// pure. The launch form's own reducer is passed in, since it comes with the keys after the first
// frame (view-state.ts has it bound, for everything that has the keys loaded).

import { dictFrom, emptyDict, hasKey } from '../src/domain/dict.js';
import { emptyLogView, reduceLog } from './log-view.js';
import type { reduceForm } from './form/launch-form.js';
import { back, expire, selectIndex, toggle, without } from './view-helpers.js';
import { syncRows } from './view-sync.js';
import type { RowsInfo, ViewAction } from './view-actions.js';
import { nextFlash } from './flash.js';
import { HIGHLIGHT_MS, SORT_COLUMNS, SORT_COLUMNS_SHOWN, type Pane, type ViewState } from './view-types.js';

/** The launch form's reducer (form/launch-form.ts). */
export type FormReducer = typeof reduceForm;

/** The view when the dashboard opens. */
export function initialView(): ViewState {
  return {
    focus: 'table',
    selected: null,
    selectedIndex: 0,
    tableTop: 0,
    filter: '',
    filterEditing: false,
    filterBefore: '',
    prompt: null,
    sort: { column: 'age', descending: false },
    showAll: false,
    marks: [],
    expanded: [],
    modal: null,
    modalTop: 0,
    flash: null,
    detailsMode: 'details',
    detailsTop: 0,
    logs: emptyLogView(),
    logsFull: false,
    openWhenReady: [],
    readyWatch: [],
    highlights: emptyDict(),
    ghosts: emptyDict(),
    pending: emptyDict(),
    tableFit: null,
  };
}

/** Pure: the view after `action`; a `form` action changes nothing without `form`. */
export function reduceViewWith(view: ViewState, action: ViewAction, form: FormReducer | null): ViewState {
  switch (action.type) {
    case 'move':
      return selectIndex(view, currentIndex(view, action) + action.delta, action, action.delta < 0 ? -1 : 1);
    case 'move-to':
      return action.to === 'first' ? selectIndex(view, 0, action, 1) : selectIndex(view, action.rows.length - 1, action, -1);
    case 'select': {
      const index = action.rows.indexOf(action.key);
      return index < 0 || action.gone?.includes(action.key) ? view : selectIndex(view, index, action);
    }
    case 'sync-rows':
      return syncRows(view, action);
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
    case 'filter-set':
      return { ...view, filter: action.filter, filterEditing: false };
    case 'sort-set':
      return { ...view, sort: { column: action.column, descending: action.descending } };
    case 'prompt-set':
      return { ...view, prompt: action.prompt };
    case 'sort-next': {
      const i = SORT_COLUMNS.indexOf(view.sort.column);
      return { ...view, sort: { column: SORT_COLUMNS[(i + 1) % SORT_COLUMNS.length], descending: false } };
    }
    case 'sort-step': {
      const i = SORT_COLUMNS_SHOWN.indexOf(view.sort.column);
      const n = SORT_COLUMNS_SHOWN.length;
      return { ...view, sort: { column: SORT_COLUMNS_SHOWN[(i + action.delta + n) % n], descending: false } };
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
      return { ...view, flash: nextFlash(view.flash, action.level, action.text, action.now, action.kind) };
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
      return view.modal?.type === 'launch' && form ? { ...view, modal: { type: 'launch', form: form(view.modal.form, action.action, action.env) } } : view;
    case 'back':
      return back(view);
  }
}

function currentIndex(view: ViewState, info: RowsInfo): number {
  const index = view.selected === null ? -1 : info.rows.indexOf(view.selected);
  return index >= 0 ? index : view.selectedIndex;
}
