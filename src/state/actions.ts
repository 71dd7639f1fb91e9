import type { Session } from '../domain/session.js';
import type { PlatformStats, ResourceContext } from '../domain/platform.js';
import type { ErrorJson } from '../domain/errors.js';
import type { LaunchRequest, LaunchResult } from '../domain/launch.js';
import type { CredentialStatus, Notice, Notification, StateSettings } from './state.js';
import type { RenewCheck } from './insight.js';
import type { EventsObservation } from './insights.js';
import type { IdleSettings } from './idle.js';
import type { HomeStorageRead } from '../domain/storage.js';

/** The daemon (re)started: cached data is served but marked stale until a poll succeeds. */
export interface DaemonStartedAction {
  type: 'daemon.started';
  at: number;
}
/** A session listing poll answered; `idle` says when a session counts as idle (the defaults when absent). */
export interface PollSucceededAction {
  type: 'poll.succeeded';
  sessions: Session[];
  at: number;
  idle?: IdleSettings;
}
/** A session listing poll failed. */
export interface PollFailedAction {
  type: 'poll.failed';
  error: ErrorJson;
  at: number;
}
/** Platform stats were read. */
export interface StatsSucceededAction {
  type: 'stats.succeeded';
  stats: PlatformStats;
  at: number;
}
/** Reading platform stats failed (e.g. 503): health becomes degraded. */
export interface StatsFailedAction {
  type: 'stats.failed';
  error: ErrorJson;
  at: number;
}
/** Home storage was read from its node. */
export interface StorageReadAction {
  type: 'storage.read';
  storage: HomeStorageRead;
  at: number;
}
/** Home storage could not be read (`why` says so: no service there, no user name yet, an error). */
export interface StorageFailedAction {
  type: 'storage.failed';
  why: string;
  at: number;
}
/** The resource context was read. */
export interface ContextLoadedAction {
  type: 'context.loaded';
  context: ResourceContext;
  at: number;
}
/** The credential in use was (re)read; carries no secret. */
export interface CredentialsCheckedAction {
  type: 'credentials.checked';
  credentials: CredentialStatus;
  at: number;
}
/** A launch was sent; the request may carry a registry secret, which the reducer strips. */
export interface LaunchRequestedAction {
  type: 'launch.requested';
  launchId: string;
  request: LaunchRequest;
  at: number;
}
/** A launch answered with per-replica results (some may be errors). */
export interface LaunchCompletedAction {
  type: 'launch.completed';
  launchId: string;
  results: LaunchResult[];
  at: number;
}
/** A launch failed as a whole (validation, network, …). */
export interface LaunchFailedAction {
  type: 'launch.failed';
  launchId: string;
  error: ErrorJson;
  at: number;
}
/** The events of these sessions were read (null events: 404, the session has no pod). */
export interface EventsObservedAction {
  type: 'events.observed';
  observations: EventsObservation[];
  at: number;
}
/** Renews were checked by reading the sessions again. */
export interface RenewCheckedAction {
  type: 'renew.checked';
  checks: { id: string; check: RenewCheck }[];
  at: number;
}
/** Deletes were requested for these sessions. */
export interface SessionDeletedAction {
  type: 'session.deleted';
  ids: string[];
  at: number;
}
/** Renewals were requested for these sessions. */
export interface SessionRenewedAction {
  type: 'session.renewed';
  ids: string[];
  at: number;
}
/** These event keys were reported (to clients, hooks, notifications): never report them again. */
export interface EventsEmittedAction {
  type: 'events.emitted';
  keys: string[];
  at: number;
}
/** A notification was shown (or handed to the notifier). */
export interface NotificationSentAction {
  type: 'notification.sent';
  notification: Notification;
  at: number;
}
/** The notifications of one change are being shown: logged and their keys recorded in one step. */
export interface NotificationsSentAction {
  type: 'notifications.sent';
  notifications: Notification[];
  at: number;
}
/** A valid config was applied. */
export interface ConfigChangedAction {
  type: 'config.changed';
  settings?: Partial<StateSettings>;
  at: number;
}
/** An invalid config was refused; the previous one stays. */
export interface ConfigRejectedAction {
  type: 'config.rejected';
  message: string;
  at: number;
}

/** Something the user must hear about once (a file moved aside). */
export interface NoticeRaisedAction {
  type: 'notice.raised';
  notice: Notice;
  at: number;
}
/** A client showed these notices to the user. */
export interface NoticesAcknowledgedAction {
  type: 'notices.acknowledged';
  keys: string[];
  at: number;
}

/** Everything that can change the daemon state, as a discriminated union on `type`. */
export type Action =
  | DaemonStartedAction
  | PollSucceededAction
  | PollFailedAction
  | StatsSucceededAction
  | StatsFailedAction
  | ContextLoadedAction
  | StorageReadAction
  | StorageFailedAction
  | CredentialsCheckedAction
  | LaunchRequestedAction
  | LaunchCompletedAction
  | LaunchFailedAction
  | SessionDeletedAction
  | SessionRenewedAction
  | EventsObservedAction
  | RenewCheckedAction
  | EventsEmittedAction
  | NotificationSentAction
  | NotificationsSentAction
  | ConfigChangedAction
  | ConfigRejectedAction
  | NoticeRaisedAction
  | NoticesAcknowledgedAction;
