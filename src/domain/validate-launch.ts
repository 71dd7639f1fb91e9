import { LAUNCHABLE_KINDS, type LaunchableKind } from './session.js';
import type { LaunchRequest } from './launch.js';
import type { ResourceContext } from './platform.js';
import { validationError } from './errors.js';
import { normaliseImage } from './normalise-image.js';

/** A launch that passed validation: the normalised request plus warnings for the user. */
export interface ValidatedLaunch {
  request: LaunchRequest;
  warnings: string[];
}

/** Longest session name the server keeps (a Kubernetes label value). */
export const MAX_NAME_LENGTH = 63;
/** Most client-side replicas (the official client's limit). */
export const MAX_REPLICAS = 512;
/** Env names the client sets itself on every replica. */
export const RESERVED_ENV = ['REPLICA_ID', 'REPLICA_COUNT'];

/** Checks a launch before any request (VALIDATION_ERROR naming field and rule) and normalises it; checks resources against `context` when known. */
export function validateLaunch(request: LaunchRequest, context?: ResourceContext | null): ValidatedLaunch {
  const warnings: string[] = [];
  const kind = request.kind;
  if (!(LAUNCHABLE_KINDS as readonly string[]).includes(kind)) {
    throw validationError('kind', `must be one of ${LAUNCHABLE_KINDS.join(', ')} (got ${JSON.stringify(kind)})`);
  }
  const replicas = request.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS)
    throw validationError('replicas', `must be an integer from 1 to ${MAX_REPLICAS} (got ${replicas})`);
  if (replicas > 1 && kind !== 'headless') throw validationError('replicas', `more than 1 replica is only allowed for headless sessions, not ${kind}`);
  const name = checkName(request.name, replicas);
  const image = normaliseImage(request.image ?? '');

  const out: LaunchRequest = { name, image, kind };
  const cores = resource('cores', request.cores, 1, 256, context?.cores.options);
  const ram = resource('ram', request.ram, 1, 512, context?.ramGB.options);
  // The server rejects gpus=0 (its options start at 1); 0 simply means "no GPU".
  const gpus = request.gpus === 0 ? undefined : resource('gpus', request.gpus, 1, 28, context?.gpus.options);
  if (cores !== undefined) out.cores = cores;
  if (ram !== undefined) out.ram = ram;
  if (gpus !== undefined) out.gpus = gpus;
  if ((kind === 'desktop' || kind === 'firefly') && (cores !== undefined || ram !== undefined)) {
    warnings.push(`${kind} sessions ignore cores and ram: the server uses the ${kind} template's own resources`);
  }

  for (const field of ['cmd', 'args'] as const) {
    const value = request[field];
    if (value === undefined || value === '') continue;
    if (kind !== 'headless') throw validationError(field, `is only allowed for headless sessions, not ${kind}`);
    out[field] = value;
  }
  const env = request.env ?? [];
  if (env.length > 0 && kind !== 'headless') throw validationError('env', `is only allowed for headless sessions, not ${kind}`);
  if (env.length > 0) out.env = env.map(checkEnv);
  if (replicas !== 1) out.replicas = replicas;
  if (request.replicaIds !== undefined) out.replicaIds = checkReplicaIds(request.replicaIds, replicas);

  if (request.registryAuth) {
    const { username, secret } = request.registryAuth;
    if (!username || username.includes(':')) throw validationError('registryAuth.username', 'must be non-empty and contain no ":"');
    if (!secret) throw validationError('registryAuth.secret', 'must be non-empty');
    out.registryAuth = request.registryAuth;
  }
  return { request: out, warnings };
}

function checkReplicaIds(ids: readonly number[], replicas: number): number[] {
  if (!Array.isArray(ids) || ids.length === 0) throw validationError('replicaIds', 'must list at least one replica number');
  for (const id of ids) {
    if (!Number.isInteger(id) || id < 1 || id > replicas)
      throw validationError('replicaIds', `must be whole numbers from 1 to the replica count ${replicas} (got ${id})`);
  }
  if (new Set(ids).size !== ids.length) throw validationError('replicaIds', 'must not repeat a replica number');
  return [...ids];
}

function checkName(raw: string, replicas: number): string {
  const name = (raw ?? '').trim();
  if (name === '') throw validationError('name', 'is required');
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw validationError('name', `may only contain letters, digits and "-" (got ${JSON.stringify(name)})`);
  // Replica names get a "-N" suffix, which must fit too.
  const longest = replicas > 1 ? `${name}-${replicas}` : name;
  if (longest.length > MAX_NAME_LENGTH) {
    throw validationError(
      'name',
      `must be at most ${MAX_NAME_LENGTH} characters${replicas > 1 ? ` including the replica suffix "-${replicas}"` : ''} (got ${longest.length})`,
    );
  }
  return name;
}

function resource(field: string, value: number | undefined, min: number, max: number, options?: number[]): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw validationError(field, `must be a whole number from ${min} to ${max} (got ${value})`);
  if (options && options.length > 0 && !options.includes(value)) {
    throw validationError(field, `must be one of the server's options ${options.join(', ')} (got ${value})`);
  }
  return value;
}

function checkEnv(entry: string): string {
  const parts = entry.split('=');
  // Values are never echoed: they may hold private data.
  if (parts.length < 2) throw validationError('env', 'entries must be KEY=VALUE (an entry has no "=")');
  if (parts[0] === '') throw validationError('env', 'entries must be KEY=VALUE (an entry has an empty KEY)');
  if (parts.length > 2) throw validationError('env', `value of ${parts[0]} contains "=", which the server silently drops`);
  if (/\s/.test(parts[0])) throw validationError('env', `name ${JSON.stringify(parts[0])} must not contain spaces`);
  if (RESERVED_ENV.includes(parts[0])) throw validationError('env', `${parts[0]} is set by skaha-tui for every replica`);
  return entry;
}

/** Whether a kind is launchable (typed guard for CLI input). */
export function isLaunchableKind(kind: string): kind is LaunchableKind {
  return (LAUNCHABLE_KINDS as readonly string[]).includes(kind);
}
