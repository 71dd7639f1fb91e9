// The dashboard's UI state (selection, focus, filter, sort, marks, modal, flash, log pane, form)
// and its pure reducer. Actions that depend on the visible rows carry them, so the reducer stays pure.

import { reduceForm } from './form/launch-form.js';
import { reduceViewWith } from './view-reducer.js';
import type { ViewAction } from './view-actions.js';
import type { ViewState } from './view-types.js';

/** How long each level of flash stays (see flash.ts). */
export { FLASH_MS } from './flash.js';
/** The view's types and constants live in their own file (the actions and helpers need them); re-exported so callers need one import. */
export { HIGHLIGHT_MS, type FlashLevel, type HighlightKind, type Pane, type ViewState } from './view-types.js';

/** The action types live in their own file; re-exported so callers need one import. */
export type { RowsInfo, ViewAction } from './view-actions.js';

/** The view when the dashboard opens (view-reducer.ts). */
export { initialView } from './view-reducer.js';

/** Pure: the view after `action`, the launch form's actions included. */
export function reduceView(view: ViewState, action: ViewAction): ViewState {
  return reduceViewWith(view, action, reduceForm);
}
