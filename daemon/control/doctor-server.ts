import type { Paths } from '../../src/config/paths.js';
import type { Connection } from '../../src/config/connection.js';
import { describeCredential, type CredentialDescription } from '../../src/config/credentials.js';
import { resolveConnection, type ConnectionFlags } from '../../src/config/resolve-connection.js';
import { homedir } from 'node:os';
import { refreshGrant } from '../../src/client/refresh-grant.js';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { openCommandLogin } from '../../src/config/oidc/command-refresh.js';
import { toAppError } from '../../src/domain/errors.js';
import { DOCTOR_TEXT as T } from './control-text.js';
import type { DoctorCheck } from './doctor-check.js';

/** What doctor found out about the credentials and the server; `secrets` are for redaction, never printed. */
export interface ServerReport {
  credentials: CredentialDescription | null;
  url: string | null;
  urlSource: string | null;
  checks: DoctorCheck[];
  secrets: string[];
}

/** Resolves the connection leniently, describes the credential, and asks Skaha (availability, then the session list) within `timeoutMs`. */
export async function checkServer(flags: ConnectionFlags, env: NodeJS.ProcessEnv, paths: Paths, timeoutMs: number, now: number): Promise<ServerReport> {
  let connection: Connection;
  try {
    connection = await resolveConnection(flags, { env, paths, lenient: true, clock: { now: () => now } });
  } catch (error) {
    const message = toAppError(error).message;
    return {
      credentials: null,
      url: null,
      urlSource: null,
      checks: [
        { section: 'credentials', name: 'credentials', status: 'fail', detail: T.credentialProblem(message) },
        { section: 'server', name: 'server', status: 'info', detail: T.skipped },
      ],
      secrets: [],
    };
  }
  // An expired OIDC access token is refreshed as any command would refresh it; doctor then says so.
  const secrets: string[] = [];
  let refresh: Refresh = { kind: 'none' };
  try {
    const oidc = await openCommandLogin(connection, env.HOME?.trim() || homedir(), {
      now: () => now,
      grant: (request) => refreshGrant(request),
      onSecret: (secret) => secrets.push(secret),
    });
    if (oidc) {
      secrets.push(connection.credential.token ?? '');
      connection = oidc.connection;
      refresh = { kind: oidc.start === 'as-is' ? 'none' : oidc.start };
    }
  } catch (error) {
    refresh = { kind: 'failed', message: toAppError(error).message };
  }
  const description = describeCredential(connection.credential, now);
  secrets.push(...[connection.credential.token, connection.registryAuth?.secret].filter((s): s is string => typeof s === 'string' && s !== ''));
  const url = `${connection.baseUrl}/${connection.apiVersion}`;
  const checks: DoctorCheck[] = [
    credentialCheck(description, refresh),
    { section: 'server', name: 'url', status: 'info', detail: T.url(url, connection.urlSource) },
  ];
  const client = new SkahaClient({ ...connection, timeouts: { connectMs: Math.min(timeoutMs, connection.timeouts.connectMs), totalMs: timeoutMs } });
  try {
    checks.push(...(await Promise.all([availability(client), sessions(client, connection.credential.kind !== 'none')])));
  } finally {
    await client.close().catch(() => undefined);
  }
  return { credentials: description, url, urlSource: connection.urlSource, checks, secrets };
}

// What became of the OIDC login behind the credential before it was checked.
type Refresh = { kind: 'none' | 'refreshed' | 'adopted' } | { kind: 'failed'; message: string };

function credentialCheck(d: CredentialDescription, refresh: Refresh): DoctorCheck {
  const base = { section: 'credentials' as const, name: 'credentials' };
  if (d.kind === 'none') return { ...base, status: 'warn', detail: T.noCredential };
  if (refresh.kind === 'failed') return { ...base, status: 'fail', detail: T.refreshFailed(d.summary, refresh.message) };
  if (d.expired) return { ...base, status: 'fail', detail: T.credentialExpired(d.summary) };
  if (refresh.kind === 'refreshed') return { ...base, status: 'ok', detail: T.tokenRefreshed(d.summary) };
  if (refresh.kind === 'adopted') return { ...base, status: 'ok', detail: T.tokenAdopted(d.summary) };
  return { ...base, status: 'ok', detail: d.summary };
}

async function availability(client: SkahaClient): Promise<DoctorCheck> {
  const base = { section: 'server' as const, name: 'availability' };
  const started = Date.now();
  try {
    const result = await client.getAvailability();
    if (!result.available) return { ...base, status: 'fail', detail: T.unavailable(result.note) };
    return { ...base, status: 'ok', detail: T.available(Date.now() - started, result.note) };
  } catch (error) {
    return { ...base, status: 'fail', detail: T.unreachable(toAppError(error).message) };
  }
}

async function sessions(client: SkahaClient, haveCredential: boolean): Promise<DoctorCheck> {
  const base = { section: 'server' as const, name: 'sessions' };
  if (!haveCredential) return { ...base, status: 'info', detail: T.sessionsSkipped };
  try {
    return { ...base, status: 'ok', detail: T.sessions((await client.listSessions()).length) };
  } catch (error) {
    return { ...base, status: 'fail', detail: T.sessionsFailed(toAppError(error).message) };
  }
}
