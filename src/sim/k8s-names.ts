import { imageShortName } from './catalogue.js';
import { hexFrom, pick, unit } from './random.js';
import type { SimSession } from './types.js';

/** The namespace sessions run in. */
export const WORKLOAD_NAMESPACE = 'skaha-workload';

/** The Job name: `skaha-<type>-<user>-<id>`, or `<id>-<appId>-<user>-<image>` for a desktop-app (57 chars max). */
export function jobName(s: SimSession): string {
  const user = s.user.replace(/[^0-9a-zA-Z-]/g, '-');
  if (s.appId !== undefined) return `${s.id}-${s.appId}-${user}-${containerName(s)}`.slice(0, 57).toLowerCase();
  return `skaha-${s.kind}-${user}-${s.id}`.toLowerCase();
}

/** The pod name: the Job name plus a 5-character suffix. */
export function podName(s: SimSession, seed: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += alphabet[Math.floor(unit(seed, s.id, s.appId ?? '', 'pod', i) * alphabet.length)];
  return `${jobName(s)}-${suffix}`;
}

/** The worker node the pod is scheduled on. */
export function nodeName(s: SimSession, seed: number): string {
  return `k8s-worker-${String(pick(1, 24, seed, s.id, s.appId ?? '', 'node')).padStart(2, '0')}`;
}

/** The container name: the kind for interactive sessions, the image name for headless jobs and desktop-apps. */
export function containerName(s: SimSession): string {
  if (s.kind === 'headless' || s.kind === 'desktop-app') {
    const last = s.image.split('/').pop() ?? s.image;
    return last.replace(/[:._]/g, '-').toLowerCase();
  }
  return s.kind === 'contributed' ? imageShortName(s.image) : s.kind;
}

/** A pod IP in the cluster network. */
export function podIp(s: SimSession, seed: number): string {
  return `10.${pick(96, 127, seed, s.id, 'ip1')}.${pick(0, 255, seed, s.id, 'ip2')}.${pick(2, 254, seed, s.id, 'ip3')}`;
}

/** A stable hex string tied to a session (kernel ids, image sizes). */
export function sessionHex(s: SimSession, seed: number, tag: string, length: number): string {
  return hexFrom(length, seed, s.id, s.appId ?? '', tag);
}
