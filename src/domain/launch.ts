import type { LaunchableKind } from './session.js';
import type { ErrorJson } from './errors.js';

/** What a user asks to launch; validated and normalised before any request is sent. */
export interface LaunchRequest {
  name: string;
  image: string;
  kind: LaunchableKind;
  /** Fixed cores; omitted means flexible. */
  cores?: number;
  /** Fixed RAM in GB; omitted means flexible. */
  ram?: number;
  gpus?: number;
  /** Headless only: replaces the image entrypoint. */
  cmd?: string;
  /** Headless only: space-separated arguments. */
  args?: string;
  /** Headless only: `KEY=VALUE` entries. */
  env?: string[];
  /** Headless only: 1–512 client-side replicas. */
  replicas?: number;
  /** Only these replicas of the `replicas` (1-based, each with its own REPLICA_ID): a rerun of some of a job array. */
  replicaIds?: number[];
  /** Private registry credentials; sent as `x-skaha-registry-auth`, never logged. */
  registryAuth?: { username: string; secret: string };
}

/** One replica's outcome: its name and either the new id or the error. */
export type LaunchResult = { name: string; id: string } | { name: string; error: ErrorJson };

/** Whether a launch result carries an id. */
export function isLaunchSuccess(result: LaunchResult): result is { name: string; id: string } {
  return 'id' in result;
}

/** The name Skaha keeps for a session launched as `name`: it lowercases names (its PostAction does). */
export function storedName(name: string): string {
  return name.toLowerCase();
}

/** The replica numbers a launch creates, in order: `replicaIds`, or 1..`replicas`. */
export function replicaNumbers(request: Pick<LaunchRequest, 'replicas' | 'replicaIds'>): number[] {
  if (request.replicaIds && request.replicaIds.length > 0) return [...request.replicaIds];
  return Array.from({ length: request.replicas ?? 1 }, (_, i) => i + 1);
}

/** The name Skaha is sent for replica `replica` of a launch named `name` with `count` replicas: `name-N`, or `name` alone. */
export function replicaName(name: string, replica: number, count: number): string {
  return count === 1 ? name : `${name}-${replica}`;
}
