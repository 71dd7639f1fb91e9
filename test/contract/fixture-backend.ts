import { startFixtureServer, type FixtureReply, type RecordedRequest } from '../helpers/fixture-server.js';
import type { ContractBackend } from './contract-suite.js';
import { AVAILABILITY, CONTEXT, EVENTS_TABLE, FLEXIBLE, IMAGE_TYPES, IMAGES, LEGACY_V0, NO_SECONDS, STATS, Y2022 } from './fixture-payloads.js';

const TOKEN = 'fixture-token-1234';
const text = (status: number, body: string): FixtureReply => ({ status, body, headers: { 'content-type': 'text/plain' } });

/** Starts a fixture server that answers like Skaha v1 with real-shaped payloads and a tiny session store. */
export async function startFixtureBackend(): Promise<ContractBackend> {
  const server = await startFixtureServer();
  const sessions = new Map<string, Record<string, unknown>>([LEGACY_V0, NO_SECONDS, FLEXIBLE, Y2022].map((s) => [s.id, { ...s }]));
  let counter = 0;
  const authed = (handler: (req: RecordedRequest) => FixtureReply) => (req: RecordedRequest): FixtureReply =>
    req.headers.authorization === `Bearer ${TOKEN}` ? handler(req) : text(401, 'Unauthorized\n');
  const idOf = (req: RecordedRequest): string => decodeURIComponent(req.path.split('/')[4] ?? '');

  server.route('GET', '/skaha/v1/session', authed((req) => {
    const view = req.query.get('view');
    if (view === 'stats') return { json: STATS };
    const list = [...sessions.values()];
    if (view === 'all') return { json: list.map(({ userid, type, status, startTime }) => ({ userid, type, status, startTime })) };
    return { json: list.filter((s) => (!req.query.get('type') || s.type === req.query.get('type')) && (!req.query.get('status') || s.status === req.query.get('status'))) };
  }));
  server.route('GET', /^\/skaha\/v1\/session\/[^/]+$/, authed((req) => {
    const id = idOf(req);
    const view = req.query.get('view');
    if (view === 'logs') return text(200, sessions.has(id) ? 'Starting notebook server\nJupyter is ready\n' : '');
    const session = sessions.get(id);
    if (view === 'events') return session ? text(200, session.status === 'Pending' ? '<none>\n' : EVENTS_TABLE) : text(404, `session ${id} not found.\n`);
    return session ? { json: session } : text(404, `session ${id} not found\n`);
  }));
  server.route('POST', '/skaha/v1/session', authed((req) => {
    const image = req.query.get('image') ?? '';
    const name = req.query.get('name') ?? '';
    const type = req.query.get('type') || 'headless';
    if (!image) return text(400, "Missing parameter 'image'\n");
    if (!image.startsWith('images.canfar.net')) return text(400, `session image '${image}' must come from one of [images.canfar.net]\n`);
    if (!name) return text(400, "Missing parameter 'name'\n");
    if (!/^[A-Za-z0-9-]+$/.test(name)) return text(400, "name can only contain alpha-numeric chars and '-'\n");
    const id = `f${String(++counter).padStart(7, '0')}`;
    sessions.set(id, { id, userid: 'fixture', runAsUID: '10001', runAsGID: '10001', supplementalGroups: [], image, type, status: 'Pending', name: name.toLowerCase(), connectURL: '', requestedGPUCores: '0', isFixedResources: false });
    return text(200, `${id}\n`);
  }));
  server.route('DELETE', /^\/skaha\/v1\/session\/[^/]+$/, authed((req) => {
    sessions.delete(idOf(req)); // 200 even for unknown ids, as on the real server
    return text(200, '');
  }));
  server.route('GET', '/skaha/v1/image', authed((req) => {
    const type = req.query.get('type');
    if (type && !IMAGE_TYPES.includes(type)) return text(400, `unknown type: ${type}\n`);
    return { json: type ? IMAGES.filter((i) => i.types.includes(type)) : IMAGES };
  }));
  server.route('GET', '/skaha/v1/context', authed(() => ({ json: CONTEXT })));
  server.route('GET', '/skaha/v1/repository', authed(() => ({ json: ['images.canfar.net'] })));
  server.route('GET', '/skaha/availability', () => ({ body: AVAILABILITY, headers: { 'content-type': 'text/xml' } }));

  return { baseUrl: `${server.url}/skaha`, token: TOKEN, close: () => server.close() };
}
