// The words of `usage` and `storage` (their help entries live in text.ts with every command's).

/** Labels, notes and the method line of `usage`. */
export const USAGE_TEXT = {
  title: (since: string, until: string, by: string) => `Usage ${since} → ${until}, by ${by}`,
  total: 'TOTAL',
  columns: {
    kind: 'KIND',
    day: 'DAY',
    id: 'ID',
    name: 'NAME',
    status: 'STATUS',
    sessions: 'SESSIONS',
    hours: 'HOURS',
    coreHoursRequested: 'CORE-H REQ',
    coreHoursUsed: 'CORE-H USED',
    cpuShare: 'CPU USE',
    gibHoursRequested: 'GiB-H REQ',
    gibHoursUsed: 'GiB-H USED',
    gpuHours: 'GPU-H',
  },
  gone: (status: string) => `${status} (gone)`,
  method:
    "Counted from the daemon's polls: each sample of a Running session stands for the time since the one before it (at most 10 minutes), " +
    'split at clock hours and kept 30 days. Requested = the fixed request (flexible sessions count their use); GiB = 2^30 bytes.',
  nothing: 'Nothing counted in this window: the daemon counts Running sessions while it runs (skaha-tui daemon status).',
  keptFrom: (from: string) => `Nothing counted before ${from}: the daemon counts while it runs and keeps 30 days.`,
  needsDaemon: 'usage comes from the daemon, which counts use while it runs: leave out --no-daemon',
} as const;

/** Labels and notes of `storage`. */
export const STORAGE_TEXT = {
  used: 'Used',
  quota: 'Quota',
  share: 'Share',
  node: 'Node',
  read: 'Read',
  noQuota: 'no quota',
  unknown: (why: string) => `storage unknown: ${why}`,
  lastKnown: (at: string) => `last known figures, read ${at}:`,
} as const;
