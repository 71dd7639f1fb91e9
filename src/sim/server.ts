import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../ports/logger.js';
import { handleAdmin } from './admin.js';
import { routeOidc } from './oidc-routes.js';
import { textResponse } from './auth.js';
import { faultResponse, listMatches, statsUnavailableResponse, statusFor } from './faults.js';
import type { RequestLog } from './request-log.js';
import { writeResponse, type Damage } from './respond.js';
import { endpointOf, routeSkaha } from './router.js';
import type { SimResponse } from './types.js';
import type { SimWorld } from './world.js';
import { handleStorage, isStoragePath } from './storage.js';

/** Bodies larger than this are not read (the real API never needs more). */
const MAX_BODY_BYTES = 1_000_000;

/** What the HTTP server needs. */
export interface SimServerDeps {
  world: SimWorld;
  requests: RequestLog;
  logger: Logger;
  /** The `/skaha` root URL, known once listening. */
  baseUrl: () => string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function resetSocket(socket: Socket): void {
  // an RST, not a clean FIN, so clients see ECONNRESET
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

async function handleSkaha(deps: SimServerDeps, req: IncomingMessage, res: ServerResponse, path: string, query: string): Promise<void> {
  const { world, requests } = deps;
  const method = req.method ?? 'GET';
  const sub = path.slice('/skaha'.length);
  const endpoint = endpointOf(method, sub, query);
  const record = requests.record({ at: world.now(), method, url: req.url ?? path, endpoint });
  const faults = world.faults;
  if (faults.latencyMs) await new Promise<void>((resolve) => world.clock.setTimeout(resolve, faults.latencyMs ?? 0));
  if (listMatches(faults.hang, endpoint)) return; // never answered; close() drops the connection
  if (listMatches(faults.reset, endpoint)) return resetSocket(req.socket);
  const body = await readBody(req);
  let response: SimResponse;
  const injected = statusFor(faults, endpoint);
  if (injected !== undefined) response = faultResponse(injected, path);
  else if (faults.flakyRate && world.faultRng() < faults.flakyRate) response = faultResponse(faults.flakyStatus ?? 500, path);
  else {
    const routed = routeSkaha(
      world,
      {
        method,
        path: sub,
        query,
        contentType: header(req, 'content-type'),
        body,
        authorization: header(req, 'authorization'),
        registryAuth: header(req, 'x-skaha-registry-auth'),
      },
      deps.baseUrl(),
    );
    response = routed.response;
    record.user = routed.user;
    if (faults.statsUnavailable && endpoint === 'session.stats' && response.status === 200) response = statsUnavailableResponse();
  }
  record.status = response.status;
  const damage: Damage = listMatches(faults.huge, endpoint)
    ? 'huge'
    : listMatches(faults.truncated, endpoint)
      ? 'truncated'
      : listMatches(faults.malformed, endpoint)
        ? 'malformed'
        : 'none';
  deps.logger.debug('sim request', { method, url: req.url, endpoint, status: response.status, damage });
  writeResponse(res, response, damage, faults.hugeBytes ?? 100 * 1024 * 1024);
}

/** A request to the storage service (`/arc/…`, `/cavern/…`): counted as endpoint `storage`, answered by handleStorage. */
function storageRequest(deps: SimServerDeps, req: IncomingMessage, res: ServerResponse, path: string, query: string): void {
  const method = req.method ?? 'GET';
  const record = deps.requests.record({ at: deps.world.now(), method, url: req.url ?? path, endpoint: 'storage' });
  const response = handleStorage(deps.world, method, path, query, header(req, 'authorization'));
  record.status = response.status;
  writeResponse(res, response, 'none', 0);
}

/** Creates the simulator's HTTP server: `/skaha/...` (the API, with faults) and `/_sim/...` (admin). */
export function createSimServer(deps: SimServerDeps): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep the raw path: it will not match a route
    }
    const query = url.search.replace(/^\?/, '');
    const work =
      path === '/_sim' || path.startsWith('/_sim/')
        ? readBody(req).then((body) =>
            writeResponse(res, handleAdmin(deps.world, deps.requests, req.method ?? 'GET', path, header(req, 'authorization'), body), 'none', 0),
          )
        : path === '/skaha' || path.startsWith('/skaha/')
          ? handleSkaha(deps, req, res, path, query)
          : isStoragePath(path)
            ? Promise.resolve(storageRequest(deps, req, res, path, query))
            : path.startsWith('/oidc/') && deps.world.oidc
              ? readBody(req).then((body) =>
                  writeResponse(res, routeOidc(deps.world.oidc!, req.method ?? 'GET', path, body, header(req, 'authorization')), 'none', 0),
                )
              : Promise.resolve(writeResponse(res, textResponse(404, `not found: ${path}`), 'none', 0));
    work.catch((error: unknown) => {
      deps.logger.error('sim request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) writeResponse(res, textResponse(500, `unexpected exception: ${String(error)}`), 'none', 0);
      else res.destroy();
    });
  });
}
