// The columns of each record shape, in the order CSV and Markdown write them: the dotted JSON path of
// every leaf of the record --json prints (docs/output.md). A test checks each list against a full record.

const SESSION_BASE = [
  'id',
  'name',
  'kind',
  'status',
  'image',
  'user',
  'startedAt',
  'expiresAt',
  'url',
  'cpu.requested',
  'cpu.used',
  'ramGB.requested',
  'ramGB.used',
  'gpus.requested',
  'fixed',
  'ramGiB.requested',
  'ramGiB.used',
] as const;

const ANSWERS = [
  'pending.code',
  'pending.reason',
  'pending.since',
  'pending.detail',
  'pending.estimate.remainingMs',
  'pending.estimate.basis',
  'failure.code',
  'failure.cause',
  'failure.inferred',
  'failure.detail',
] as const;

/** Columns of a session record (`ps`, `info`). */
export const SESSION_COLUMNS: readonly string[] = [...SESSION_BASE, ...ANSWERS];

/** Columns of another user's session (`ps --all-users`). */
export const PUBLIC_SESSION_COLUMNS: readonly string[] = ['user', 'kind', 'status', 'startedAt'];

/** Columns of a desktop app (`apps`): its app id, then the session columns. */
export const APP_COLUMNS: readonly string[] = ['appId', ...SESSION_COLUMNS];

/** Columns of a Kubernetes event row (`events`). */
export const EVENT_COLUMNS: readonly string[] = ['type', 'reason', 'message', 'firstTime', 'lastTime'];

/** Columns of a catalogue image (`images`). */
export const IMAGE_COLUMNS: readonly string[] = ['id', 'types', 'digest'];

/** Columns of the platform stats (`stats`, one row). */
export const STATS_COLUMNS: readonly string[] = [
  'cpu.allocated',
  'cpu.capacity',
  'cpu.maxPerSession',
  'ramGB.allocated',
  'ramGB.capacity',
  'ramGB.maxPerSession',
];

const options = (r: string) => [`${r}.default`, `${r}.defaultRequest`, `${r}.defaultLimit`, `${r}.options`];

/** Columns of the resource context (`context`, one row). */
export const CONTEXT_COLUMNS: readonly string[] = [...options('cores'), ...options('ramGB'), 'gpus.options', 'maxInteractiveSessions'];

/** Columns of a saved launch profile (`profiles`): the job file's keys under `job`, or why it could not be read under `error`. */
export const PROFILE_COLUMNS: readonly string[] = [
  'name',
  'file',
  'job.kind',
  'job.image',
  'job.name',
  'job.cores',
  'job.ram',
  'job.gpus',
  'job.replicas',
  'job.cmd',
  'job.args',
  'job.env',
  'job.registry',
  'error.code',
  'error.message',
];

/** Columns of the home storage record (`storage`, one row). */
export const STORAGE_COLUMNS: readonly string[] = [
  'user',
  'node',
  'usedBytes',
  'quotaBytes',
  'usedGiB',
  'quotaGiB',
  'percent',
  'readAt',
  'checkedAt',
  'date',
  'unknown',
  'high',
];
