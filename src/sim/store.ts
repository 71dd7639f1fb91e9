import { isActiveAt, isInteractive, renewJob, statusAt } from './lifecycle.js';
import type { SimSession, SimStatus } from './types.js';

/** A session with the status it has now. */
export interface LiveSession {
  session: SimSession;
  status: SimStatus;
}

/** The simulated cluster's Jobs; statuses are derived from `now()` on each read, and gone Jobs are dropped. */
export class SessionStore {
  private readonly jobs = new Map<string, SimSession>();

  constructor(private readonly now: () => number) {}

  /** Adds a Job. */
  add(session: SimSession): void {
    this.jobs.set(keyOf(session), session);
  }

  /** Every Job that still exists, with its status, in creation order. */
  live(): LiveSession[] {
    const now = this.now();
    const out: LiveSession[] = [];
    for (const [key, session] of this.jobs) {
      const status = statusAt(session, now);
      if (status === undefined) this.jobs.delete(key);
      else out.push({ session, status });
    }
    return out;
  }

  /** The Jobs of one user. */
  ofUser(user: string): LiveSession[] {
    return this.live().filter((l) => l.session.user === user);
  }

  /** A user's session (not a desktop-app) by id. */
  find(user: string, id: string): LiveSession | undefined {
    return this.ofUser(user).find((l) => l.session.id === id && l.session.appId === undefined);
  }

  /** A user's desktop-app by session id and app id. */
  findApp(user: string, id: string, appId: string): LiveSession | undefined {
    return this.ofUser(user).find((l) => l.session.id === id && l.session.appId === appId);
  }

  /** Whether a session id is in use (also by a gone-but-not-purged Job). */
  hasId(id: string): boolean {
    return this.jobs.has(id);
  }

  /** Whether an app id is in use under a session id. */
  hasAppId(id: string, appId: string): boolean {
    return this.jobs.has(`${id}/${appId}`);
  }

  /** Deletes a user's session and its desktop-apps; active Jobs show Terminating for a while. Unknown ids do nothing. */
  delete(user: string, id: string): void {
    for (const { session } of this.ofUser(user)) {
      if (session.id === id) this.deleteJob(session);
    }
  }

  /** Deletes one desktop-app. */
  deleteApp(user: string, id: string, appId: string): void {
    const app = this.findApp(user, id, appId);
    if (app) this.deleteJob(app.session);
  }

  /** Renews every active Job of the session (desktop-apps included); false when none is active. */
  renew(user: string, id: string, expirySeconds: number): boolean {
    const now = this.now();
    let renewed = false;
    for (const { session } of this.ofUser(user)) {
      if (session.id === id && renewJob(session, now, expirySeconds)) renewed = true;
    }
    return renewed;
  }

  /** The user's Pending + Running sessions that count towards the interactive cap. */
  activeInteractiveCount(user: string): number {
    return this.ofUser(user).filter((l) => isInteractive(l.session) && (l.status === 'Pending' || l.status === 'Running')).length;
  }

  private deleteJob(session: SimSession): void {
    if (session.deletedAt !== undefined) return;
    const now = this.now();
    if (isActiveAt(session, now)) session.terminatingUntil = now + session.terminationMs;
    session.deletedAt = now;
  }
}

function keyOf(session: SimSession): string {
  return session.appId === undefined ? session.id : `${session.id}/${session.appId}`;
}
