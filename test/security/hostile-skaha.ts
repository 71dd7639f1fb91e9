// A Skaha v1 server on loopback that answers whatever a test puts in it: raw session objects
// (any id, name or status, escape sequences, huge strings), log and event text, error bodies.
import { startFixtureServer, type FixtureReply, type FixtureServer, type RecordedRequest } from '../helpers/fixture-server.js';

/** The bearer token the hostile server accepts (anything else gets 401). */
export const HOSTILE_TOKEN = 'hostile-token-0123456789';

/** A wire session as Skaha sends it (string numbers), with `overrides` on top. */
export function wireSession(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = typeof overrides.id === 'string' ? overrides.id : 'abcd1234';
  return {
    id,
    userid: 'alice',
    runAsUID: '10001',
    runAsGID: '10001',
    supplementalGroups: [],
    image: 'images.canfar.net/skaha/astroml:latest',
    type: 'notebook',
    status: 'Running',
    name: 'mynb',
    startTime: '2026-12-07T10:00:00Z',
    expiryTime: '2026-12-11T10:00:00Z',
    connectURL: `https://workload.example/session/notebook/${id}/lab?token=${id}`,
    requestedRAM: '8.59',
    requestedCPUCores: '2',
    requestedGPUCores: '0',
    ramInUse: '1.2',
    cpuCoresInUse: '0.4',
    isFixedResources: true,
    ...overrides,
  };
}

const CONTEXT = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 4, 8] },
  memoryGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8, 16, 32] },
  gpus: { options: [] },
  maxInteractiveSessions: 3,
};

const STATS = {
  cores: { requestedCPUCores: '12.5', cpuCoresAvailable: '64', maxCPUCores: { cpuCores: '8', withRam: '32G' } },
  ram: { requestedRAM: '128G', ramAvailable: '512G', maxRAM: { ram: '32G', withCPUCores: '8' } },
};

const IMAGES = [
  { id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook', 'headless'], digest: 'sha256:1' },
  { id: 'images.canfar.net/skaha/desktop:1.0', types: ['desktop'], digest: 'sha256:2' },
];

/** A hostile Skaha: mutable raw sessions, logs, events and per-route overrides; it records every request. */
export interface HostileSkaha {
  /** `http://127.0.0.1:<port>/skaha` */
  baseUrl: string;
  token: string;
  /** What `GET /session` lists, as raw objects (replace freely). */
  sessions: Array<Record<string, unknown>>;
  /** Log text per session id (`?view=logs`). */
  logs: Map<string, string>;
  /** Event text per session id (`?view=events`); a missing id answers 404 as a pod-less session does. */
  events: Map<string, string>;
  /** The id the next launch answers with (one per replica, in order; then `d0000001`, …). */
  launchIds: string[];
  server: FixtureServer;
  /** Requests received, as `METHOD path?query`. */
  requestLines(): string[];
  /** Adds a route that wins over the defaults (e.g. an error body). */
  route(method: string, path: string | RegExp, handler: FixtureReply | ((req: RecordedRequest) => FixtureReply)): void;
  close(): Promise<void>;
}

const text = (status: number, body: string): FixtureReply => ({ status, body, headers: { 'content-type': 'text/plain' } });

/** Starts a hostile Skaha on an ephemeral loopback port. */
export async function startHostileSkaha(token = HOSTILE_TOKEN): Promise<HostileSkaha> {
  const server = await startFixtureServer();
  let launched = 0;
  const skaha: HostileSkaha = {
    baseUrl: `${server.url}/skaha`,
    token,
    sessions: [],
    logs: new Map(),
    events: new Map(),
    launchIds: [],
    server,
    requestLines: () => server.requests.map((r) => `${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''}`),
    route: (method, path, handler) => void server.route(method, path, handler),
    close: () => server.close(),
  };
  const authed =
    (handler: (req: RecordedRequest) => FixtureReply) =>
    (req: RecordedRequest): FixtureReply =>
      req.headers.authorization === `Bearer ${token}` ? handler(req) : text(401, 'Unauthorized\n');
  const idOf = (req: RecordedRequest): string => decodeURIComponent(req.path.split('/')[4] ?? '');
  const find = (id: string) => skaha.sessions.find((s) => s.id === id);

  server.route(
    'GET',
    '/skaha/v1/session',
    authed((req) => {
      if (req.query.get('view') === 'stats') return { json: STATS };
      return { json: skaha.sessions };
    }),
  );
  server.route(
    'GET',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed((req) => {
      const id = idOf(req);
      const view = req.query.get('view');
      if (view === 'logs') return text(200, skaha.logs.get(id) ?? '');
      if (view === 'events') {
        const events = skaha.events.get(id);
        return events === undefined ? text(404, `session ${id} not found.\n`) : text(200, events);
      }
      const session = find(id);
      return session ? { json: session } : text(404, `session ${id} not found\n`);
    }),
  );
  server.route(
    'POST',
    '/skaha/v1/session',
    authed((req) => {
      const id = skaha.launchIds.shift() ?? `d${String(++launched).padStart(7, '0')}`;
      const name = (req.query.get('name') ?? new URLSearchParams(req.body).get('name') ?? '').toLowerCase();
      skaha.sessions.push(wireSession({ id, name, status: 'Pending', type: req.query.get('type') ?? 'headless' }));
      return text(200, `${id}\n`);
    }),
  );
  server.route(
    'POST',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed(() => text(200, '')),
  );
  server.route(
    'DELETE',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed((req) => {
      const id = idOf(req);
      skaha.sessions = skaha.sessions.filter((s) => s.id !== id);
      return text(200, '');
    }),
  );
  server.route(
    'GET',
    '/skaha/v1/image',
    authed(() => ({ json: IMAGES })),
  );
  server.route(
    'GET',
    '/skaha/v1/context',
    authed(() => ({ json: CONTEXT })),
  );
  server.route(
    'GET',
    '/skaha/v1/repository',
    authed(() => ({ json: ['images.canfar.net'] })),
  );
  return skaha;
}
