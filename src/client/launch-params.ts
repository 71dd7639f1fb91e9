import { replicaName, replicaNumbers, type LaunchRequest } from '../domain/launch.js';

/** One replica's POST: its name and the query parameters, in the official client's order. */
export interface ReplicaPayload {
  name: string;
  query: URLSearchParams;
}

/**
 * Builds one payload per replica: names `name-1..name-N` (unchanged for 1), env `REPLICA_ID`/`REPLICA_COUNT`
 * on every payload; with `replicaIds`, only those replicas (a rerun keeps each one's number and the count).
 */
export function replicaPayloads(request: LaunchRequest): ReplicaPayload[] {
  const count = request.replicas ?? 1;
  const payloads: ReplicaPayload[] = [];
  for (const i of replicaNumbers(request)) {
    const name = replicaName(request.name, i, count);
    const query = new URLSearchParams();
    query.append('name', name);
    query.append('image', request.image);
    if (request.cores !== undefined) query.append('cores', String(request.cores));
    if (request.ram !== undefined) query.append('ram', String(request.ram));
    query.append('type', request.kind);
    if (request.gpus !== undefined && request.gpus > 0) query.append('gpus', String(request.gpus));
    if (request.cmd) query.append('cmd', request.cmd);
    if (request.args) query.append('args', request.args);
    for (const entry of request.env ?? []) query.append('env', entry);
    query.append('env', `REPLICA_ID=${i}`);
    query.append('env', `REPLICA_COUNT=${count}`);
    payloads.push({ name, query });
  }
  return payloads;
}

/** The `x-skaha-registry-auth` header value: base64 of `username:secret`. */
export function registryAuthHeader(auth: { username: string; secret: string }): string {
  return Buffer.from(`${auth.username}:${auth.secret}`, 'utf8').toString('base64');
}
