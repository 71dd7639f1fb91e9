import type { DesktopApp, PublicSession, Session } from '../domain/session.js';
import type { Availability, Image, PlatformStats, ResourceContext, SessionEvent, SessionLogs } from '../domain/platform.js';
import type { LaunchRequest, LaunchResult } from '../domain/launch.js';
import type { HomeStorageRead } from '../domain/storage.js';
import type { LogBytes } from '../domain/log-bytes.js';

/** Filters for listing the caller's sessions. */
export interface ListOptions {
  kind?: string;
  status?: string;
  /** `interactive` drops headless jobs server-side. */
  view?: 'interactive';
}

/** A desktop-app to attach to a running desktop. */
export interface DesktopAppRequest {
  image: string;
  cores?: number;
  ram?: number;
}

/** The Skaha v1 session API, as the daemon and the CLI use it. Every method rejects with an AppError. */
export interface SkahaApi {
  /** The caller's sessions (`GET /session`). */
  listSessions(options?: ListOptions): Promise<Session[]>;
  /** Every user's sessions in reduced form (`GET /session?view=all`). */
  listAllSessions(options?: Omit<ListOptions, 'view'>): Promise<PublicSession[]>;
  /** One session (`GET /session/{id}`); SKAHA_NOT_FOUND if it is not the caller's. */
  getSession(id: string): Promise<Session>;
  /** The full log snapshot, capped (`?view=logs`). */
  getLogs(id: string): Promise<SessionLogs>;
  /** The same snapshot as undecoded bytes, for a follower that reads only what is new; optional: without it, getLogs serves. */
  getLogBytes?(id: string): Promise<LogBytes>;
  /** The session's Kubernetes events, parsed (`?view=events`). */
  getEvents(id: string): Promise<SessionEvent[]>;
  /** Platform allocation and capacity (`?view=stats`). */
  getStats(): Promise<PlatformStats>;
  /** Validates, then launches one session per replica; each replica gets its own result. */
  launch(request: LaunchRequest): Promise<LaunchResult[]>;
  /** Deletes a session (the server answers 200 even for unknown ids). */
  deleteSession(id: string): Promise<void>;
  /** Renews an interactive session's expiry (`action=renew`). */
  renewSession(id: string): Promise<void>;
  /** The image catalogue, optionally for one kind. */
  listImages(kind?: string): Promise<Image[]>;
  /** The resource options the server accepts. */
  getContext(): Promise<ResourceContext>;
  /** The allowed registry hosts. */
  listRepositories(): Promise<string[]>;
  /** The VOSI availability probe. */
  getAvailability(): Promise<Availability>;
  /** The caller's desktop-apps (the server does not filter by desktop id). */
  listDesktopApps(sessionId: string): Promise<DesktopApp[]>;
  /** One desktop-app. */
  getDesktopApp(sessionId: string, appId: string): Promise<DesktopApp>;
  /** Attaches a desktop-app to a running desktop; returns its app id. */
  launchDesktopApp(sessionId: string, request: DesktopAppRequest): Promise<string>;
  /** Removes a desktop-app. */
  deleteDesktopApp(sessionId: string, appId: string): Promise<void>;
  /** The user's home storage from its VOSpace node on the same host (`nodes`: path templates with `{user}`, tried in order); SKAHA_NOT_FOUND without a storage service. */
  getHomeStorage(user: string, nodes?: readonly string[]): Promise<HomeStorageRead>;
}
