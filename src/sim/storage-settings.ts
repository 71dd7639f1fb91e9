// The simulator's home storage settings: which service answers, and how much is used of the quota.

/** Which storage service the host runs, or none. */
export const STORAGE_SERVICES = ['arc', 'cavern', 'none'] as const;

/** One storage service choice. */
export type StorageService = (typeof STORAGE_SERVICES)[number];

/** Home storage as the simulator serves it, the same for every user (the admin API changes it). */
export interface SimStorage {
  service: StorageService;
  usedGiB: number;
  quotaGiB: number;
}

/** The default: arc, 37.5 GiB used of 100. */
export const DEFAULT_SIM_STORAGE: SimStorage = { service: 'arc', usedGiB: 37.5, quotaGiB: 100 };

/** Pure: storage settings with a change merged in; throws a RangeError saying what is wrong. */
export function mergeStorage(storage: SimStorage, change: Record<string, unknown>): SimStorage {
  const out = { ...storage };
  for (const [key, value] of Object.entries(change)) {
    if (key === 'service') {
      if (!(STORAGE_SERVICES as readonly unknown[]).includes(value))
        throw new RangeError(`service must be one of ${STORAGE_SERVICES.join(', ')} (got ${JSON.stringify(value)})`);
      out.service = value as StorageService;
    } else if (key === 'usedGiB' || key === 'quotaGiB') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new RangeError(`${key} must be a number of GiB >= 0 (got ${JSON.stringify(value)})`);
      out[key] = value;
    } else {
      throw new RangeError(`unknown storage setting ${key} (known: service, usedGiB, quotaGiB)`);
    }
  }
  return out;
}
