import type { SimConfig } from './config.js';
import { makeUser } from './config.js';
import { expiryOf } from './lifecycle.js';
import { containerAt, podAt } from './pods.js';
import type { LiveSession } from './store.js';
import type { SimSession } from './types.js';
import { usageAt } from './usage.js';
import { formatCores, formatGB, GIB, javaInstant, javaOffsetDateTime, type GsonValue } from './wire-format.js';

/** The connectURL of a session per SessionURLBuilder; `""` for headless and desktop-app. */
export function connectUrl(s: SimSession, sessionsHost: string, homeBase: string): string {
  const base = `https://${sessionsHost}/session`;
  switch (s.kind) {
    case 'desktop':
      return `${base}/desktop/${s.id}/?password=${s.id}&path=session/desktop/${s.id}/`;
    case 'notebook': {
      const home = homeBase.split('/').filter(Boolean).join('/');
      return `${base}/notebook/${s.id}/lab/tree/${home}/${s.user}?token=${s.id}`;
    }
    case 'carta':
      return `${base}/carta/${s.id}/`;
    case 'contributed':
      return `${base}/contrib/${s.id}/`;
    case 'firefly':
      return `${base}/firefly/${s.id}/firefly/`;
    default:
      return '';
  }
}

/** The Session object (§2.2) in Gson field order; absent values are left out by the serialiser. */
export function sessionJson(live: LiveSession, config: SimConfig, now: number): Record<string, GsonValue> {
  const { session: s, status } = live;
  const user = config.usersByName.get(s.user) ?? makeUser(s.user);
  // a Job Kueue has not admitted (or has preempted) has no pod, no startTime and no URL
  const pod = podAt(s, now);
  const started = pod !== undefined && now >= pod.startAt ? pod : undefined;
  const run = status === 'Running' && pod ? containerAt(s, pod, now) : undefined;
  const usage = run ? usageAt(s, run, now, config.seed, config.speed) : undefined;
  const r = s.resources;
  return {
    id: s.id,
    userid: s.user,
    runAsUID: String(user.uid),
    runAsGID: String(user.gid),
    supplementalGroups: user.groups,
    appid: s.appId,
    image: s.image,
    type: s.kind,
    status,
    name: s.name,
    startTime: started ? javaOffsetDateTime(started.startAt) : undefined,
    expiryTime: started ? javaInstant(expiryOf(s, started)) : undefined,
    connectURL: pod ? connectUrl(s, config.sessionsHost, config.homeBase) : undefined,
    requestedRAM: r.fixed ? formatGB(r.ramRequestGiB * GIB) : undefined,
    requestedCPUCores: r.fixed ? formatCores(r.cpuRequest) : undefined,
    requestedGPUCores: String(r.gpus),
    ramInUse: usage ? formatGB(usage.ramBytes) : undefined,
    cpuCoresInUse: usage ? (Math.round(usage.cores * 1000) / 1000).toFixed(3) : undefined,
    isFixedResources: r.fixed,
  };
}

/** The reduced PublicSession of `view=all`: userid, type, status and startTime only. */
export function publicSessionJson(live: LiveSession, now: number): Record<string, GsonValue> {
  const s = live.session;
  return {
    userid: s.user,
    type: s.kind,
    status: live.status,
    startTime: startTimeAt(s, now),
  };
}

/** The Job's startTime at `now`: set while it has a pod, absent while queued. */
function startTimeAt(s: SimSession, now: number): string | undefined {
  const pod = podAt(s, now);
  return pod && now >= pod.startAt ? javaOffsetDateTime(pod.startAt) : undefined;
}
