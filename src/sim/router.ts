import { handleApps } from './app-routes.js';
import { authenticate, textResponse, unauthorized } from './auth.js';
import { IMAGE_TYPES } from './catalogue.js';
import { contextBody } from './context.js';
import { addUrlEncoded, Params, requestParams } from './params.js';
import { handleSessionCollection, handleSessionItem, jsonResponse } from './session-routes.js';
import type { SimResponse, SimUser } from './types.js';
import { availabilityXml, capabilitiesXml } from './vosi.js';
import type { SimWorld } from './world.js';

/** A request to `/skaha/...`, already read. */
export interface SkahaRequest {
  method: string;
  /** The path below `/skaha`, e.g. `/v1/session/abc`. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  contentType?: string;
  body: string;
  authorization?: string;
  registryAuth?: string;
}

/** A parsed `/v1/session` path: the id and app id, or an invalid path. */
interface SessionPath {
  id?: string;
  app: boolean;
  appId?: string;
  invalid?: string;
}

function parseSessionPath(rest: string): SessionPath {
  const info = rest.replace(/^\//, '').replace(/\/$/, '');
  if (info === '') return { app: false };
  const parts = info.split('/');
  if (parts.length > 3 || (parts.length > 1 && parts[1] !== 'app') || parts.some((p) => p === '')) return { app: false, invalid: info };
  return { id: parts[0], app: parts.length > 1, appId: parts[2] };
}

const isSession = (path: string): boolean => path === '/v1/session' || path.startsWith('/v1/session/');
const bare = (path: string): string => path.replace(/\/$/, '');

/** The endpoint key of a request (used for counting and for faults), e.g. `session.list` or `image`. */
export function endpointOf(method: string, path: string, query: string): string {
  const m = method === 'HEAD' ? 'GET' : method;
  if (isSession(path)) {
    const sp = parseSessionPath(path.slice('/v1/session'.length));
    if (sp.invalid !== undefined) return 'session.other';
    if (sp.app) return 'session.app';
    const view = addUrlEncoded(new Params(), query).first('view');
    if (sp.id === undefined) {
      if (m === 'POST') return 'session.create';
      if (m === 'DELETE') return 'session.delete';
      return view === 'stats' ? 'session.stats' : 'session.list';
    }
    if (m === 'POST') return 'session.renew';
    if (m === 'DELETE') return 'session.delete';
    return view === 'logs' ? 'session.logs' : view === 'events' ? 'session.events' : 'session.get';
  }
  const simple: Record<string, string> = {
    '/v1/image': 'image',
    '/v1/context': 'context',
    '/v1/repository': 'repository',
    '/availability': 'availability',
    '/capabilities': 'capabilities',
  };
  return simple[bare(path)] ?? 'other';
}

/** Answers one `/skaha` request: VOSI endpoints are public, everything else needs a bearer token. */
export function routeSkaha(world: SimWorld, req: SkahaRequest, baseUrl: string): { response: SimResponse; user?: string } {
  const path = bare(req.path) || '/';
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (path === '/availability') return { response: { status: 200, contentType: 'text/xml', body: availabilityXml() } };
  if (path === '/capabilities') return { response: { status: 200, contentType: 'text/xml', body: capabilitiesXml(baseUrl) } };
  const known = isSession(req.path) || ['/v1/image', '/v1/context', '/v1/repository'].includes(path);
  if (!known) return { response: textResponse(404, `not found: /skaha${req.path}`) };
  const user = authenticate(world.config, req.authorization, world.faults.expiredToken === true, world.oidc);
  if (!user) return { response: unauthorized() };
  const params = requestParams(method, req.query, req.contentType, req.body);
  return { response: dispatch(world, user, method, req, params), user: user.name };
}

function dispatch(world: SimWorld, user: SimUser, method: string, req: SkahaRequest, params: Params): SimResponse {
  if (isSession(req.path)) {
    const sp = parseSessionPath(req.path.slice('/v1/session'.length));
    if (sp.invalid !== undefined) return textResponse(400, `Invalid request: ${sp.invalid}`);
    if (sp.id === undefined) return handleSessionCollection(world, user, method, params, req.registryAuth);
    if (sp.app) return handleApps(world, user, method, sp.id, sp.appId, params);
    return handleSessionItem(world, user, method, sp.id, params);
  }
  if (method !== 'GET') return textResponse(405, `method not allowed: ${method}`);
  const path = bare(req.path);
  if (path === '/v1/context') return { status: 200, contentType: 'application/json', body: contextBody(world.config.maxInteractiveSessions) };
  if (path === '/v1/repository') return jsonResponse(world.config.registryHosts);
  const type = params.first('type');
  if (type !== undefined && !(IMAGE_TYPES as readonly string[]).includes(type)) return textResponse(400, `unknown type: ${type}`);
  const images = world.config.catalogue.filter((img) => type === undefined || img.types.includes(type));
  return jsonResponse(images.map((img) => ({ id: img.id, types: img.types, digest: img.digest })));
}
