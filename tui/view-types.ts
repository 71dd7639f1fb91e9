// The dashboard's UI state: its types and constants (the reducer is in view-state.ts).

import type { Session } from '../src/domain/session.js';
import type { LogView } from './log-view.js';
import type { LaunchForm } from './form/launch-form-types.js';
import type { AppPicker } from './app-picker.js';
import type { RelaunchModal } from './relaunch-modal.js';
import type { UsagePanel } from './usage-panel.js';
import type { ExportDialog } from './export-choice.js';
import type { PromptState } from './command-mode/prompt-state.js';

/** The panes Tab cycles through. */
export type Pane = 'table' | 'details' | 'logs';

/** Columns the table can be sorted by, in the order `s` cycles them (most useful first). */
export const SORT_COLUMNS = ['age', 'name', 'status', 'expires', 'kind', 'cpu', 'ram', 'image', 'id'] as const;

/** A sortable column. */
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** Pure: whether the rows run from the largest value down (CPU and RAM sort the busiest first unless reversed). */
export function largestFirst(sort: ViewState['sort']): boolean {
  return (sort.column === 'cpu' || sort.column === 'ram') !== sort.descending;
}

/** The sortable columns left to right, as the table shows them (`<` and `>` step through these). */
export const SORT_COLUMNS_SHOWN: readonly SortColumn[] = ['id', 'name', 'kind', 'status', 'age', 'expires', 'cpu', 'ram', 'image'];

/** How serious a flash message is. */
export type FlashLevel = 'info' | 'warn' | 'error';

/** A footer message that clears itself at `until`. */
export interface Flash {
  level: FlashLevel;
  text: string;
  until: number;
  /** Until when a daemon notification joins this note instead of replacing it (see flash.ts). */
  heldUntil?: number;
}

/** How a row changed recently (shown for a moment). */
export type HighlightKind = 'new' | 'changed' | 'removed';

/** The dialog on top of the panes, if any. */
export type Modal =
  | { type: 'help' }
  /** `skipped`: marked sessions the action leaves out (finished ones cannot be renewed). */
  | { type: 'confirm'; action: 'delete' | 'renew'; ids: string[]; skipped?: number }
  | { type: 'restart-daemon' }
  | { type: 'launch'; form: LaunchForm }
  /** No browser opened a session's URL: it is shown whole (and was copied). */
  | { type: 'url'; name: string; url: string }
  | ExportDialog
  | AppPicker
  /** A session launched again, or a group's failed replicas rerun (`c`). */
  | RelaunchModal
  | UsagePanel;

/** Everything the dashboard remembers about how the user is looking at the data. */
export interface ViewState {
  focus: Pane;
  /** Key of the selected row (a session id or a replica group key). */
  selected: string | null;
  selectedIndex: number;
  tableTop: number;
  filter: string;
  filterEditing: boolean;
  filterBefore: string;
  /** The `:` command prompt while it is open. */
  prompt: PromptState | null;
  sort: { column: SortColumn; descending: boolean };
  showAll: boolean;
  marks: readonly string[];
  expanded: readonly string[];
  modal: Modal | null;
  /** Scroll position inside a long dialog (help). */
  modalTop: number;
  flash: Flash | null;
  detailsMode: 'details' | 'events';
  detailsTop: number;
  logs: LogView;
  logsFull: boolean;
  openWhenReady: readonly string[];
  /** Launched ids to announce once Running. */
  readyWatch: readonly string[];
  highlights: Readonly<Record<string, { kind: HighlightKind; until: number }>>;
  /** Rows just removed, kept on screen while highlighted. */
  ghosts: Readonly<Record<string, Session>>;
  /** Launched sessions not yet in the daemon's listing, shown at once as Pending. */
  pending: Readonly<Record<string, Session>>;
  /** Body rows the sessions table asks for (its rows and a spare, kept steady while rows come and go); null before the first rows. */
  tableFit: number | null;
}

/** How long new, changed and removed rows stay highlighted. */
export const HIGHLIGHT_MS = 3000;
