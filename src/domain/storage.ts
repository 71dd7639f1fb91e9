/** Home storage as its VOSpace node reports it: bytes used, the quota (null when the node has none), and the node's date. */
export interface HomeStorage {
  usedBytes: number;
  quotaBytes: number | null;
  /** The node's `date` property (ISO-8601 as the service wrote it), or null. */
  date: string | null;
}

/** Home storage read from a node on the Skaha host: what it said, and which node (whose home) it was. */
export interface HomeStorageRead extends HomeStorage {
  /** The node's path on the Skaha host, e.g. `/arc/nodes/home/alice`. */
  node: string;
  user: string;
}

/** Use as a percentage of the quota, or null without a (positive) quota. */
export function storagePercent(storage: Pick<HomeStorage, 'usedBytes' | 'quotaBytes'>): number | null {
  const { usedBytes, quotaBytes } = storage;
  return quotaBytes !== null && quotaBytes > 0 ? (usedBytes / quotaBytes) * 100 : null;
}
