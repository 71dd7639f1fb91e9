/** The desktop-app sub-resources of the fixture backend (skaha-api.md §2.10), with real-shaped answers. */
import type { FixtureReply, FixtureServer, RecordedRequest } from '../helpers/fixture-server.js';

type Authed = (handler: (req: RecordedRequest) => FixtureReply) => (req: RecordedRequest) => FixtureReply;

const text = (status: number, body: string): FixtureReply => ({ status, body, headers: { 'content-type': 'text/plain' } });

/** A desktop-app Session object in Gson order (flexible: no requested fields). */
function appJson(id: string, appId: string, image: string): Record<string, unknown> {
  const name = (image.split('/').pop() ?? image).split(':')[0];
  return {
    id,
    userid: 'fixture',
    runAsUID: '10001',
    runAsGID: '10001',
    supplementalGroups: [],
    appid: appId,
    image,
    type: 'desktop-app',
    status: 'Running',
    name,
    startTime: '2026-12-01T10:00:05Z',
    expiryTime: '2026-12-05T10:00:05Z',
    connectURL: '',
    requestedGPUCores: '0',
    ramInUse: '0.21',
    cpuCoresInUse: '0.010',
    isFixedResources: false,
  };
}

/**
 * Adds `GET|POST /session/{id}/app` and `GET|POST|DELETE /session/{id}/app/{appId}` to a fixture server:
 * the list is every desktop's apps (not filtered by id, per code), POST answers a 3-character app id,
 * a desktop that is not running answers 404 `session <id> not found`.
 */
export function routeApps(server: FixtureServer, authed: Authed, runningDesktop: (id: string) => boolean): void {
  const apps = new Map<string, Record<string, unknown>>();
  let counter = 0;
  const parts = (req: RecordedRequest) => req.path.split('/').map(decodeURIComponent);
  server.route(
    'GET',
    /^\/skaha\/v1\/session\/[^/]+\/app$/,
    authed(() => ({ json: [...apps.values()] })),
  );
  server.route(
    'POST',
    /^\/skaha\/v1\/session\/[^/]+\/app$/,
    authed((req) => {
      const id = parts(req)[4];
      const image = req.query.get('image') ?? new URLSearchParams(req.body).get('image');
      if (!image) return text(400, "Missing parameter 'image'\n");
      if (!runningDesktop(id)) return text(404, `session ${id} not found\n`);
      const appId = `a${String(++counter).padStart(2, '0')}`;
      apps.set(`${id}/${appId}`, appJson(id, appId, image));
      return text(200, `${appId}\n`);
    }),
  );
  server.route(
    'DELETE',
    /^\/skaha\/v1\/session\/[^/]+\/app$/,
    authed(() => text(400, 'Missing app ID\n')),
  );
  server.route(
    'GET',
    /^\/skaha\/v1\/session\/[^/]+\/app\/[^/]+$/,
    authed((req) => {
      const [, , , , id, , appId] = parts(req);
      const app = apps.get(`${id}/${appId}`);
      return app ? { json: app } : text(404, `desktop app with session ${id} and app ID ${appId} was not found\n`);
    }),
  );
  server.route(
    'POST',
    /^\/skaha\/v1\/session\/[^/]+\/app\/[^/]+$/,
    authed(() => text(400, 'Cannot modify an existing app.\n')),
  );
  server.route(
    'DELETE',
    /^\/skaha\/v1\/session\/[^/]+\/app\/[^/]+$/,
    authed((req) => {
      const [, , , , id, , appId] = parts(req);
      apps.delete(`${id}/${appId}`);
      return text(200, '');
    }),
  );
}
