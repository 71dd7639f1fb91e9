// The surface the controller's parts share: the model, dispatch, flashes, daemon requests, sizes.

import type { Writable } from 'node:stream';
import type { Clock } from '../../src/ports/clock.js';
import type { ConnectionIdentity } from '../../src/domain/connection-identity.js';
import type { DaemonConnection } from '../../src/daemon-client/daemon-connection.js';
import type { RequestMethod, RequestParams, RequestResults } from '../../src/protocol/requests.js';
import type { TerminalNotifySetting } from '../notify/terminal-notification.js';
import type { DashboardModel } from '../render/frame.js';
import type { FlashKind } from '../flash.js';
import type { FlashLevel, RowsInfo, ViewAction } from '../view-state.js';

/** How the dashboard behaves (from the command line). */
export interface DashboardOptions {
  readonly: boolean;
  /** Shows a DEMO badge (the demo command runs a simulator). */
  demo: boolean;
  /** From the flag or the environment; null: the config file's `notifications.terminal` (read from the daemon), else auto. */
  terminalNotify: TerminalNotifySetting | null;
  mouse: boolean;
  /** The server to name in the header when the daemon's config does not say. */
  serverUrl?: string | null;
}

/** The outside world the controller touches, injectable for tests. */
export interface DashboardDeps {
  connection: DaemonConnection;
  clock: Clock;
  /** Where escape sequences (notifications, OSC 52) go: the terminal. */
  output: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** Opens a URL in the browser ($BROWSER, else xdg-open or open): false when none could (over SSH, usually). */
  openUrl(url: string): Promise<boolean>;
  /** Folder for saved logs and exported tables. */
  saveDir: string;
  /** The `:` prompt's history file (in the state folder); none: no history is kept. */
  promptHistoryFile?: string;
  /** Folder of the launch profiles (`<config folder>/profiles`); absent: the form offers none. */
  profilesDir?: string;
  options: DashboardOptions;
  /** This dashboard's own connection identity, to compare with the daemon's (absent: no comparison, e.g. the demo). */
  ownIdentity?: () => Promise<ConnectionIdentity | null>;
  /** Stops the daemon and starts it again with this dashboard's environment. */
  restartDaemon?: () => Promise<void>;
}

/** What the controller's parts can do to the dashboard. */
export interface Controller {
  readonly deps: DashboardDeps;
  /** The current model (replaced, never mutated in place). */
  model(): DashboardModel;
  /** Applies a view action, recomputes the table, and asks for a frame. */
  dispatch(action: ViewAction): void;
  /** Replaces parts of the model other than the view (state, events, images, …). */
  update(patch: Partial<Omit<DashboardModel, 'view' | 'table'>>): void;
  /** Shows `text` in the footer for a while (`kind`: see flash.ts). */
  flash(level: FlashLevel, text: string, kind?: FlashKind): void;
  /** Sends a request; on failure flashes `what failed` and resolves null. */
  call<M extends RequestMethod>(method: M, params: RequestParams[M], what: string): Promise<RequestResults[M] | null>;
  /** The table rows and page size, for selection moves. */
  rows(): RowsInfo;
  /** Visible lines of the log pane. */
  logHeight(): number;
  /** Visible lines of the details pane. */
  detailsHeight(): number;
  quit(): void;
}
