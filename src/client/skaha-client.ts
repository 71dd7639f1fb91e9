import { AppError, toAppError } from '../domain/errors.js';
import { isSessionId, SESSION_ID_RULE } from '../domain/session-id.js';
import type { DesktopApp, PublicSession, Session } from '../domain/session.js';
import type { Availability, Image, PlatformStats, ResourceContext, SessionEvent, SessionLogs } from '../domain/platform.js';
import type { LaunchRequest, LaunchResult } from '../domain/launch.js';
import type { LogBytes } from '../domain/log-bytes.js';
import type { DesktopAppRequest, ListOptions, SkahaApi } from '../ports/skaha-api.js';
import type { Connection } from '../config/connection.js';
import { silentLogger, type Logger } from '../ports/logger.js';
import { HttpTransport, type RequestSpec, type TransportOptions } from './request.js';
import { parseDesktopApp, parseList, parsePublicSession, parseSession } from './parse-session.js';
import { parseEvents } from './parse-events.js';
import { parseStats } from './parse-stats.js';
import { parseContext } from './parse-context.js';
import { parseImage, parseRepositories } from './parse-image.js';
import { parseAvailability } from './parse-availability.js';
import { validateLaunch, type ValidatedLaunch } from '../domain/validate-launch.js';
import { normaliseImage } from '../domain/normalise-image.js';
import { replicaPayloads } from './launch-params.js';
import { get, query, registrySpec, segment, str } from './request-helpers.js';
import { mapConcurrently } from './limit-concurrency.js';
import { readHomeStorage } from './home-storage.js';
import type { HomeStorageRead } from '../domain/storage.js';

const SKIPPED_SESSIONS = `sessions without an id or whose id breaks the id rule (${SESSION_ID_RULE})`;

/** Options of SkahaClient. */
export type SkahaClientOptions = TransportOptions;

/** The Skaha v1 HTTP client: every endpoint of the SkahaApi port, lenient parsing, launch validation and client-side replicas. */
export class SkahaClient implements SkahaApi {
  private readonly http: HttpTransport;
  private readonly logger: Logger;
  private context: ResourceContext | null = null;
  private lastSkip: string | null = null;

  constructor(
    private readonly connection: Connection,
    options: SkahaClientOptions = {},
  ) {
    this.logger = options.logger ?? silentLogger;
    this.http = new HttpTransport(connection, options);
  }

  /** The caller's sessions (`GET /session`), optionally filtered. */
  async listSessions(options: ListOptions = {}): Promise<Session[]> {
    const spec = get('/session', query({ type: options.kind, status: options.status, view: options.view }));
    return this.list(spec, parseSession, SKIPPED_SESSIONS);
  }

  /** Every user's sessions in reduced form (`view=all`). */
  async listAllSessions(options: Omit<ListOptions, 'view'> = {}): Promise<PublicSession[]> {
    return this.list(get('/session', query({ view: 'all', type: options.kind, status: options.status })), parsePublicSession);
  }

  /** One of the caller's sessions; SKAHA_NOT_FOUND otherwise. */
  async getSession(id: string): Promise<Session> {
    const spec = get(`/session/${segment(id, 'id')}`);
    return this.one(spec, parseSession(await this.http.json(spec)), 'a session object');
  }

  /** The session's log snapshot, keeping the tail when it is over the cap. */
  async getLogs(id: string): Promise<SessionLogs> {
    return this.http.logs(get(`/session/${segment(id, 'id')}`, query({ view: 'logs' })));
  }

  /** The session's log snapshot as undecoded bytes, keeping the tail when it is over the cap. */
  async getLogBytes(id: string): Promise<LogBytes> {
    return this.http.logBytes(get(`/session/${segment(id, 'id')}`, query({ view: 'logs' })));
  }

  /** The session's events, parsed from kubectl's table. */
  async getEvents(id: string): Promise<SessionEvent[]> {
    return parseEvents(await this.http.text(get(`/session/${segment(id, 'id')}`, query({ view: 'events' }))));
  }

  /** Platform allocation and capacity. */
  async getStats(): Promise<PlatformStats> {
    const spec = get('/session', query({ view: 'stats' }));
    return this.one(spec, parseStats(await this.http.json(spec)), 'a stats object');
  }

  /** Validates (against /context when resources are given), normalises, and returns warnings, without launching. */
  async prepareLaunch(request: LaunchRequest): Promise<ValidatedLaunch> {
    validateLaunch(request);
    const needsContext = request.cores !== undefined || request.ram !== undefined || (request.gpus ?? 0) > 0;
    return validateLaunch(request, needsContext ? await this.contextIfAvailable() : null);
  }

  /** Validates, then POSTs one session per replica concurrently; each replica gets `{name, id}` or `{name, error}`. */
  async launch(request: LaunchRequest): Promise<LaunchResult[]> {
    const { request: valid, warnings } = await this.prepareLaunch(request);
    for (const warning of warnings) this.logger.warn(warning);
    const auth = registrySpec(valid.registryAuth ?? this.connection.registryAuth);
    return mapConcurrently(replicaPayloads(valid), this.connection.concurrency, async ({ name, query: q }) => {
      try {
        return { name, id: await this.createdId({ method: 'POST', path: '/session', query: q, ...auth }) };
      } catch (error) {
        return { name, error: toAppError(error).toJSON() };
      }
    });
  }

  /** Deletes a session; resolves for unknown ids too, as the server answers 200. */
  async deleteSession(id: string): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `/session/${segment(id, 'id')}` });
  }

  /** Renews an interactive session's expiry (`action=renew`). */
  async renewSession(id: string): Promise<void> {
    await this.http.send({ method: 'POST', path: `/session/${segment(id, 'id')}`, query: query({ action: 'renew' }) });
  }

  /** The image catalogue, optionally for one kind. */
  async listImages(kind?: string): Promise<Image[]> {
    return this.list(get('/image', query({ type: kind })), parseImage);
  }

  /** The resource options the server accepts; cached for launch validation. */
  async getContext(): Promise<ResourceContext> {
    const spec = get('/context');
    this.context = this.one(spec, parseContext(await this.http.json(spec)), 'a context object');
    return this.context;
  }

  /** The allowed registry hosts. */
  async listRepositories(): Promise<string[]> {
    const spec = get('/repository');
    return this.one(spec, parseRepositories(await this.http.json(spec)), 'a JSON array');
  }

  /** The VOSI availability probe (`/availability`, outside the versioned root). */
  async getAvailability(): Promise<Availability> {
    const spec: RequestSpec = { method: 'GET', path: '/availability', versioned: false };
    return this.one(spec, parseAvailability(await this.http.text(spec)), 'VOSI availability XML');
  }

  /** The caller's desktop-apps (not filtered by desktop id, as on the server). */
  async listDesktopApps(sessionId: string): Promise<DesktopApp[]> {
    return this.list(get(`/session/${segment(sessionId, 'sessionId')}/app`), parseDesktopApp, SKIPPED_SESSIONS);
  }

  /** One desktop-app. */
  async getDesktopApp(sessionId: string, appId: string): Promise<DesktopApp> {
    const spec = get(`/session/${segment(sessionId, 'sessionId')}/app/${segment(appId, 'appId')}`);
    return this.one(spec, parseDesktopApp(await this.http.json(spec)), 'a desktop-app object');
  }

  /** Attaches a desktop-app to a running desktop; returns its app id. */
  async launchDesktopApp(sessionId: string, request: DesktopAppRequest): Promise<string> {
    const path = `/session/${segment(sessionId, 'sessionId')}/app`;
    const context = request.cores !== undefined || request.ram !== undefined ? await this.contextIfAvailable() : null;
    // Reuse the session rules for cores/ram; name and kind are placeholders the server never sees.
    const valid = validateLaunch({ name: 'app', kind: 'desktop', image: request.image, cores: request.cores, ram: request.ram }, context).request;
    const q = query({ image: normaliseImage(request.image), cores: str(valid.cores), ram: str(valid.ram) });
    return this.createdId({ method: 'POST', path, query: q, ...registrySpec(this.connection.registryAuth) });
  }

  /** Removes a desktop-app. */
  async deleteDesktopApp(sessionId: string, appId: string): Promise<void> {
    await this.http.send({ method: 'DELETE', path: `/session/${segment(sessionId, 'sessionId')}/app/${segment(appId, 'appId')}` });
  }

  /** The user's home storage from its VOSpace node on this server's host (see home-storage.ts). */
  async getHomeStorage(user: string, nodes?: readonly string[]): Promise<HomeStorageRead> {
    return readHomeStorage(this.http, user, nodes);
  }

  /** Releases pooled connections (aborting requests still running). */
  async close(): Promise<void> {
    await this.http.close();
  }

  private async createdId(spec: RequestSpec): Promise<string> {
    const id = (await this.http.text(spec)).trim();
    if (!isSessionId(id)) throw this.protocol(spec, `a new id as plain text (${SESSION_ID_RULE})`);
    return id;
  }

  private async contextIfAvailable(): Promise<ResourceContext | null> {
    if (this.context) return this.context;
    try {
      return await this.getContext();
    } catch (error) {
      // Without the context the server still validates; only the early check is lost.
      this.logger.debug('context unavailable for launch validation', { code: toAppError(error).code });
      return null;
    }
  }

  private async list<T>(spec: RequestSpec, parse: (raw: unknown) => T | null, what = 'malformed entries'): Promise<T[]> {
    const raw = await this.http.json(spec);
    const items = parseList(raw, parse, (n) => this.skipped(`skipped ${n} ${what} from ${this.http.shownUrl(spec)}`));
    return this.one(spec, items, 'a JSON array');
  }

  /** Warns about dropped entries once; the same drop on every later poll only goes to debug. */
  private skipped(message: string): void {
    this.logger[message === this.lastSkip ? 'debug' : 'warn'](message);
    this.lastSkip = message;
  }

  private one<T>(spec: RequestSpec, value: T | null, expected: string): T {
    if (value === null) throw this.protocol(spec, expected);
    return value;
  }

  private protocol(spec: RequestSpec, expected: string): AppError {
    const url = this.http.shownUrl(spec);
    return new AppError(
      'PROTOCOL_ERROR',
      `${spec.method} ${url}: expected ${expected} but the server sent something else — check the service URL and API version`,
      { method: spec.method, url },
    );
  }
}
