import { startFixtureServer, type FixtureReply, type RecordedRequest } from '../helpers/fixture-server.js';
import { AVAILABILITY, CONTEXT, EVENTS_TABLE, FLEXIBLE, IMAGE_TYPES, IMAGES, LEGACY_V0, NO_SECONDS, STATS, Y2022 } from './fixture-payloads.js';
import { scenarioSession, type TimedSession } from './fixture-scenarios.js';
import { routeApps } from './fixture-apps.js';
import { TIMINGS, type PlatformBackend } from './platform-backend.js';
import type { FakeClock } from '../helpers/fake-clock.js';

const TOKEN = 'fixture-token-1234';
const T0 = Date.parse('2026-12-01T10:00:00Z');
const text = (status: number, body: string, headers: Record<string, string> = {}): FixtureReply => ({
  status,
  body,
  headers: { 'content-type': 'text/plain', ...headers },
});
const isActive = (s: Record<string, unknown>): boolean => s.status === 'Pending' || s.status === 'Running';
const isInteractive = (s: Record<string, unknown>): boolean => s.type !== 'headless' && s.type !== 'desktop-app';

/**
 * Starts a fixture server that answers like Skaha v1 with real-shaped payloads: a tiny session store,
 * timed sessions that play the platform's behaviours on a clock of its own (or one shared with a
 * daemon), renews, stats snapshots (503 while the metrics backend is down), the interactive cap and
 * the desktop-app sub-resources (§2.10).
 */
export async function startFixtureBackend(clock?: FakeClock): Promise<PlatformBackend> {
  const server = await startFixtureServer();
  const sessions = new Map<string, Record<string, unknown>>([LEGACY_V0, NO_SECONDS, FLEXIBLE, Y2022].map((s) => [s.id, { ...s }]));
  const timed = new Map<string, TimedSession>();
  const launchedCores = new Map<string, number>();
  let own = T0;
  const current = (): number => (clock ? clock.now() : own);
  let counter = 0;
  let metricsDown = false;
  let snapshot: { takenAt: number; json: unknown } | undefined;
  const authed =
    (handler: (req: RecordedRequest) => FixtureReply) =>
    (req: RecordedRequest): FixtureReply =>
      req.headers.authorization === `Bearer ${TOKEN}` ? handler(req) : text(401, 'Unauthorized\n');
  const idOf = (req: RecordedRequest): string => decodeURIComponent(req.path.split('/')[4] ?? '');
  const all = (): Array<Record<string, unknown>> => [...sessions.values(), ...[...timed.values()].map((s) => s.view(current()).json)];
  const max = Number(CONTEXT.maxInteractiveSessions);

  const stats = (): FixtureReply => {
    const now = current();
    if (metricsDown) return text(503, 'Platform statistics unavailable\n', { 'retry-after': '30' });
    if (!snapshot || now - snapshot.takenAt >= TIMINGS.statsPeriodSeconds * 1000) {
      const extra = [...launchedCores.values()].reduce((a, b) => a + b, 0);
      snapshot = { takenAt: now, json: { ...STATS, cores: { ...STATS.cores, requestedCPUCores: STATS.cores.requestedCPUCores + extra } } };
    }
    return { json: snapshot.json };
  };

  server.route(
    'GET',
    '/skaha/v1/session',
    authed((req) => {
      const view = req.query.get('view');
      if (view === 'stats') return stats();
      const list = all();
      if (view === 'all') return { json: list.map(({ userid, type, status, startTime }) => ({ userid, type, status, startTime })) };
      return {
        json: list.filter(
          (s) => (!req.query.get('type') || s.type === req.query.get('type')) && (!req.query.get('status') || s.status === req.query.get('status')),
        ),
      };
    }),
  );
  server.route(
    'GET',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed((req) => {
      const id = idOf(req);
      const view = req.query.get('view');
      const played = timed.get(id)?.view(current());
      if (played) {
        if (view === 'logs') return text(200, played.logs);
        if (view === 'events') return played.events === null ? text(404, `session ${id} not found.\n`) : text(200, played.events);
        return { json: played.json };
      }
      if (view === 'logs') return text(200, sessions.has(id) ? 'Starting notebook server\nJupyter is ready\n' : '');
      const session = sessions.get(id);
      if (view === 'events') return session ? text(200, session.status === 'Pending' ? '<none>\n' : EVENTS_TABLE) : text(404, `session ${id} not found.\n`);
      return session ? { json: session } : text(404, `session ${id} not found\n`);
    }),
  );
  server.route(
    'POST',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed((req) => {
      const id = idOf(req);
      const action = req.query.get('action') ?? new URLSearchParams(req.body).get('action');
      if (action === null) return text(400, 'Cannot modify an existing session\n');
      if (action.toLowerCase() !== 'renew') return text(400, 'unrecognized action\n');
      const played = timed.get(id);
      const active = played ? isActive(played.view(current()).json) : isActive(sessions.get(id) ?? {});
      if (!active) return text(400, `No active job for user fixture with session ${id}\n`);
      if (!played) return text(200, '');
      const answer = played.renew(current());
      return text(answer.status, answer.body);
    }),
  );
  server.route(
    'POST',
    '/skaha/v1/session',
    authed((req) => {
      const image = req.query.get('image') ?? '';
      const name = req.query.get('name') ?? '';
      const type = req.query.get('type') || 'headless';
      if (!image) return text(400, "Missing parameter 'image'\n");
      if (!image.startsWith('images.canfar.net')) return text(400, `session image '${image}' must come from one of [images.canfar.net]\n`);
      if (!name) return text(400, "Missing parameter 'name'\n");
      if (!/^[A-Za-z0-9-]+$/.test(name)) return text(400, "name can only contain alpha-numeric chars and '-'\n");
      if (type !== 'headless' && all().filter((s) => isInteractive(s) && isActive(s)).length >= max) {
        return text(400, `User fixture has reached the maximum of ${max} active sessions.\n`);
      }
      const id = `f${String(++counter).padStart(7, '0')}`;
      sessions.set(id, {
        id,
        userid: 'fixture',
        runAsUID: '10001',
        runAsGID: '10001',
        supplementalGroups: [],
        image,
        type,
        status: 'Pending',
        name: name.toLowerCase(),
        connectURL: '',
        requestedGPUCores: '0',
        isFixedResources: false,
      });
      launchedCores.set(id, Number(req.query.get('cores') ?? 1));
      return text(200, `${id}\n`);
    }),
  );
  server.route(
    'DELETE',
    /^\/skaha\/v1\/session\/[^/]+$/,
    authed((req) => {
      // 200 even for unknown ids, as on the real server
      for (const store of [sessions, timed, launchedCores]) store.delete(idOf(req));
      return text(200, '');
    }),
  );
  routeApps(server, authed, (id) => {
    const s = timed.get(id)?.view(current()).json ?? sessions.get(id);
    return s?.type === 'desktop' && s.status === 'Running';
  });
  server.route(
    'GET',
    '/skaha/v1/image',
    authed((req) => {
      const type = req.query.get('type');
      if (type && !IMAGE_TYPES.includes(type)) return text(400, `unknown type: ${type}\n`);
      return { json: type ? IMAGES.filter((i) => i.types.includes(type)) : IMAGES };
    }),
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
  server.route('GET', '/skaha/availability', () => ({ body: AVAILABILITY, headers: { 'content-type': 'text/xml' } }));

  return {
    baseUrl: `${server.url}/skaha`,
    token: TOKEN,
    close: () => server.close(),
    seed: async (scenario) => {
      const id = `s${String(++counter).padStart(7, '0')}`;
      timed.set(id, scenarioSession(scenario, id, current()));
      return id;
    },
    advance: async (seconds) => {
      if (clock) clock.advance(seconds * 1000);
      else own += seconds * 1000;
    },
    statsReads: () => server.requests.filter((r) => r.path === '/skaha/v1/session' && r.query.get('view') === 'stats').length,
    setMetricsDown: async (down) => {
      metricsDown = down;
    },
  };
}
