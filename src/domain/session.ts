/** Session kinds a user can launch (the server also reports `desktop-app`). */
export const LAUNCHABLE_KINDS = ['notebook', 'desktop', 'carta', 'firefly', 'contributed', 'headless'] as const;

/** A kind a user can launch. */
export type LaunchableKind = (typeof LAUNCHABLE_KINDS)[number];

/** Every kind the server is known to report; unknown kinds are kept as plain strings. */
export type SessionKind = LaunchableKind | 'desktop-app' | (string & {});

/** Statuses current (v1) and legacy (v0) servers report; unknown statuses are kept as plain strings. */
export type SessionStatus = 'Pending' | 'Running' | 'Terminating' | 'Completed' | 'Succeeded' | 'Failed' | 'Error' | (string & {});

/** A session normalised from the server's lenient JSON: numbers are numbers, absent values are null. */
export interface Session {
  id: string;
  name: string;
  kind: SessionKind;
  status: SessionStatus;
  image: string;
  user: string | null;
  /** ISO-8601 UTC with seconds, or null while the Job has not started. */
  startedAt: string | null;
  /** ISO-8601 UTC with seconds, or null when unknown. */
  expiresAt: string | null;
  /** Connect URL, or null for headless jobs and desktop-apps (the server sends ""). */
  url: string | null;
  cpu: { requested: number | null; used: number | null };
  ramGB: { requested: number | null; used: number | null };
  gpus: { requested: number | null };
  /** True for fixed-resource sessions, false for flexible, null when the server did not say (v0). */
  fixed: boolean | null;
}

/** A desktop-app attached to a desktop session: a session plus its 3-character app id. */
export interface DesktopApp extends Session {
  appId: string;
}

/** The reduced session another user's listing (`view=all`) exposes. */
export interface PublicSession {
  user: string | null;
  kind: SessionKind;
  status: SessionStatus;
  startedAt: string | null;
}

/** Statuses after which a session does no more work. */
export const FINISHED_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Succeeded', 'Failed', 'Error']);

/** Whether a session is still Pending or Running (what `ps` shows by default). */
export function isActive(session: Pick<Session, 'status'>): boolean {
  return session.status === 'Pending' || session.status === 'Running';
}

/** Whether a session has finished (Completed, Failed and their legacy names). */
export function isFinished(session: Pick<Session, 'status'>): boolean {
  return FINISHED_STATUSES.has(session.status);
}

/** Whether a kind counts towards the interactive-session cap. */
export function isInteractiveKind(kind: SessionKind): boolean {
  return kind !== 'headless' && kind !== 'desktop-app';
}
