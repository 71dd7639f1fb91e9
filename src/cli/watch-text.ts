// The wording of `watch` lines, one per daemon event (kept apart from text.ts, which holds the rest of the wording).

import type { Session } from '../domain/session.js';
import { credentialRenewHint } from '../state/credential-events.js';

const who = (s: Pick<Session, 'kind' | 'name' | 'id'>) => `${s.kind === 'headless' ? 'job' : 'session'} '${s.name || s.id}' (${s.id})`;

/** One human line per event kind (the timestamp is put in front by the caller). */
export const WATCH_TEXT = {
  added: (s: Session) => `${who(s)} added: ${s.kind}, ${s.status}`,
  statusChanged: (s: Session, from: string | null, to: string) => `${who(s)}: ${from ?? 'new'} → ${to}${to === 'Running' && s.url ? `  ${s.url}` : ''}`,
  preempted: (s: Session) => `${who(s)} preempted — queued again (Kueue)`,
  removed: (s: Session, reason: string) => `${who(s)} removed (${reason})`,
  expiring: (s: Session, left: string, at: string) => `${who(s)} expires in ${left} (${at})`,
  idle: (s: Session, idleFor: string, used: string, threshold: string) => `${who(s)} idle for ${idleFor}: ${used} cores in use, under ${threshold}`,
  storageHigh: (percent: number, used: string, quota: string) => `home storage ${Math.floor(percent)}% full: ${used} of ${quota} GiB`,
  jobFinished: (s: Session, status: string, cause: string | null) => `${who(s)} finished: ${status}${cause ? ` — ${cause}` : ''}`,
  replicas: (base: string, total: number, completed: number, failed: number) =>
    `${base}: ${completed}/${total} jobs completed${failed > 0 ? `, ${failed} failed` : ''}`,
  credentialsExpiring: (kind: string, left: string, at: string) => `your ${kind} expires in ${left} (${at}): ${credentialRenewHint(kind)}`,
  credentialsExpired: (kind: string, at: string) => `your ${kind} expired (${at}): ${credentialRenewHint(kind)}`,
  platformDown: (since: string, message: string | null) => `platform down since ${since}${message ? `: ${message}` : ''}`,
  platformRecovered: (downSince: string) => `platform recovered (down since ${downSince})`,
  launchFailed: (name: string, failed: number, total: number, message: string) => `launch of '${name}' failed (${failed}/${total} replicas): ${message}`,
  warning: (message: string) => `warning: ${message}`,
} as const;
