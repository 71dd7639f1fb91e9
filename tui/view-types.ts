// The dashboard's UI state: its types and constants (the reducer is in view-state.ts).

import type { Session } from '../src/domain/session.js';
import type { LogView } from './log-view.js';
import type { LaunchForm } from './form/launch-form-types.js';
import type { AppPicker } from './app-picker.js';

/** The panes Tab cycles through. */
export type Pane = 'table' | 'details' | 'logs';

/** Columns the table can be sorted by, in the order `s` cycles them. */
export const SORT_COLUMNS = ['age', 'name', 'status', 'expires', 'kind', 'cpu', 'ram', 'image', 'id'] as const;

/** A sortable column. */
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** How serious a flash message is. */
export type FlashLevel = 'info' | 'warn' | 'error';

/** A footer message that clears itself at `until`. */
export interface Flash {
  level: FlashLevel;
  text: string;
  until: number;
}

/** How a row changed recently (shown for a moment). */
export type HighlightKind = 'new' | 'changed' | 'removed';

/** The dialog on top of the panes, if any. */
export type Modal =
  | { type: 'help' }
  | { type: 'confirm'; action: 'delete' | 'renew'; ids: string[] }
  | { type: 'restart-daemon' }
  | { type: 'launch'; form: LaunchForm }
  /** No browser opened a session's URL: it is shown whole (and was copied). */
  | { type: 'url'; name: string; url: string }
  | AppPicker;

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
}

/** How long a flash stays, by level (errors stay longer to be read). */
export const FLASH_MS: Record<FlashLevel, number> = { info: 4000, warn: 6000, error: 10_000 };

/** How long new, changed and removed rows stay highlighted. */
export const HIGHLIGHT_MS = 3000;
