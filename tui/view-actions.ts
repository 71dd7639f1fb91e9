// Everything that can happen to the view (the reducer's input).

import type { Session } from '../src/domain/session.js';
import type { LogAction } from './log-view.js';
import type { FormAction, FormEnv } from './form/launch-form.js';
import type { FlashKind } from './flash.js';
import type { FlashLevel, HighlightKind, Modal, Pane, SortColumn } from './view-types.js';
import type { PromptState } from './command-mode/prompt-state.js';

/** Row keys of the table in display order, plus the page height, for selection moves. */
export interface RowsInfo {
  rows: readonly string[];
  page: number;
  /** Rows still shown but gone (removed sessions, greyed for a moment): the cursor never rests on them. */
  gone?: readonly string[];
}

/** What the table holds after a change, so selection, marks and dialogs follow the sessions. */
export interface SyncInfo extends RowsInfo {
  /** The row keys before the change, to find a vanished selection's neighbour. */
  before?: readonly string[];
  /** Sessions that may stay marked; absent: keep every mark. */
  live?: ReadonlySet<string>;
  /** Sessions that still exist (an open confirmation keeps only these); absent: keep them all. */
  listed?: ReadonlySet<string>;
}

/** Everything that can happen to the view. */
export type ViewAction =
  | ({ type: 'move'; delta: number } & RowsInfo)
  | ({ type: 'move-to'; to: 'first' | 'last' } & RowsInfo)
  | ({ type: 'select'; key: string } & RowsInfo)
  | ({ type: 'sync-rows' } & SyncInfo)
  | { type: 'focus-next'; logsOpen: boolean }
  | { type: 'focus'; pane: Pane }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-backspace' }
  | { type: 'filter-commit' }
  | { type: 'filter-cancel' }
  | { type: 'filter-set'; filter: string }
  | { type: 'sort-set'; column: SortColumn; descending: boolean }
  | { type: 'prompt-set'; prompt: PromptState | null }
  | { type: 'sort-next' }
  /** `<`/`>`: the sort column to the left or right of the current one, as the table shows them. */
  | { type: 'sort-step'; delta: -1 | 1 }
  | { type: 'sort-reverse' }
  | { type: 'toggle-all' }
  | { type: 'toggle-marks'; ids: readonly string[] }
  | { type: 'clear-marks' }
  | { type: 'toggle-expand'; key: string }
  | { type: 'open-modal'; modal: Modal }
  | { type: 'close-modal' }
  | { type: 'modal-scroll'; delta: number }
  | { type: 'flash'; level: FlashLevel; text: string; now: number; kind?: FlashKind }
  | { type: 'expire'; now: number }
  | { type: 'details-mode'; mode: 'details' | 'events' }
  | { type: 'details-scroll'; delta: number }
  | { type: 'log'; action: LogAction }
  | { type: 'logs-full' }
  | { type: 'arm-open'; id: string }
  | { type: 'disarm-open'; id: string }
  | { type: 'watch-ready'; ids: readonly string[] }
  | { type: 'unwatch-ready'; id: string }
  | { type: 'highlight'; changes: readonly { id: string; kind: HighlightKind }[]; removed: readonly Session[]; now: number }
  | { type: 'pending-add'; sessions: readonly Session[] }
  | { type: 'pending-drop'; ids: readonly string[] }
  | { type: 'form'; action: FormAction; env: FormEnv }
  | { type: 'back' };
