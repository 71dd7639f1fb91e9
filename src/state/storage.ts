// Home storage as the daemon knows it, and the alert when its use crosses 90 % of the quota.

import { storagePercent, type HomeStorageRead } from '../domain/storage.js';
import type { StorageHighEvent } from './events.js';

/** From this share of the quota the header turns amber. */
export const STORAGE_WARN_PERCENT = 80;

/** From this share of the quota the header turns red and the user is told once. */
export const STORAGE_HIGH_PERCENT = 90;

/** Under this share an alert is armed again (a use hovering at 90 % is said once). */
export const STORAGE_REARM_PERCENT = 85;

/** Why storage is unknown, in the words the header and `storage` show (the daemon's and the CLI's own reads alike). */
export const STORAGE_UNKNOWN = {
  noUser: 'no session names your user yet (set storage.user in the config to read it now)',
  noService: 'this server has no storage service (no home node answered)',
  failed: (message: string) => `could not read it: ${message}`,
} as const;

/** Home storage as the daemon last read it. */
export interface StorageStatus {
  /** Bytes used and the quota, from the last good read (null before one; quota null when the node has none). */
  usedBytes: number | null;
  quotaBytes: number | null;
  /** The node's own date (as the service wrote it), or null. */
  nodeDate: string | null;
  /** The node read, as a path on the Skaha host (e.g. `/arc/nodes/home/alice`), and whose home it is; null before a good read. */
  node: string | null;
  user: string | null;
  /** When it was last read well, and last tried (epoch ms). */
  readAt: number | null;
  checkedAt: number;
  /** Why it is unknown now (no storage service there, no user name yet, an error); null when the last read worked. */
  unknown: string | null;
  /** True from 90 % of the quota until it drops under 85 %. */
  high: boolean;
}

/** Pure: the status after a good read at `at`. */
export function storageAfterRead(prev: StorageStatus | null, read: HomeStorageRead, at: number): StorageStatus {
  const percent = storagePercent(read);
  const high = percent !== null && (percent >= STORAGE_HIGH_PERCENT || (prev?.high === true && percent >= STORAGE_REARM_PERCENT));
  return {
    usedBytes: read.usedBytes,
    quotaBytes: read.quotaBytes,
    nodeDate: read.date,
    node: read.node,
    user: read.user,
    readAt: at,
    checkedAt: at,
    unknown: null,
    high,
  };
}

/** Pure: the status after a read that could not say (the last figures and the alert state are kept). */
export function storageAfterFailure(prev: StorageStatus | null, why: string, at: number): StorageStatus {
  return {
    usedBytes: prev?.usedBytes ?? null,
    quotaBytes: prev?.quotaBytes ?? null,
    nodeDate: prev?.nodeDate ?? null,
    node: prev?.node ?? null,
    user: prev?.user ?? null,
    readAt: prev?.readAt ?? null,
    checkedAt: at,
    unknown: why,
    high: prev?.high ?? false,
  };
}

/** Pure: storage:high when the use just crossed 90 % of the quota. */
export function storageEvents(prev: StorageStatus | null, next: StorageStatus | null, now: number): StorageHighEvent[] {
  if (!next?.high || prev?.high || next.usedBytes === null || next.quotaBytes === null) return [];
  const percent = storagePercent({ usedBytes: next.usedBytes, quotaBytes: next.quotaBytes }) ?? 0;
  return [{ type: 'storage:high', key: `storage-high:${next.readAt ?? now}`, at: now, usedBytes: next.usedBytes, quotaBytes: next.quotaBytes, percent }];
}
