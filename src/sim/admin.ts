import { ADMIN_ROUTES } from './admin-routes.js';
import type { AdminAnswer } from './admin-route.js';
import { bearerToken } from './auth.js';
import type { RequestLog } from './request-log.js';
import type { SimResponse } from './types.js';
import type { SimWorld } from './world.js';

/** Where the admin API is described, route by route. */
export const ADMIN_DOCS = 'docs/simulator.md';

const json = (status: number, value: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  contentType: 'application/json',
  body: `${JSON.stringify(value, null, 2)}\n`,
  headers,
});

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    throw new RangeError('the body is not valid JSON (send a JSON object, e.g. {"statsUnavailable": true})');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError('the body must be a JSON object');
  return value as Record<string, unknown>;
}

/** Every route with its methods, for the answers that tell a user what exists. */
function routeList(): string[] {
  return ADMIN_ROUTES.map((r) => `${Object.keys(r.methods).join('|')} ${r.path}`);
}

/**
 * The admin API under `/_sim` (bearer admin token), documented in docs/simulator.md. A path it does not
 * know gets 404 with the list of routes; a method a route does not take gets 405 with the allowed ones.
 */
export function handleAdmin(world: SimWorld, requests: RequestLog, method: string, path: string, authorization: string | undefined, body: string): SimResponse {
  if (bearerToken(authorization) !== world.config.adminToken) {
    return json(401, { error: 'admin token required (Authorization: Bearer <admin token>, printed when the simulator starts)' });
  }
  const bare = path.replace(/\/+$/, '');
  const route = ADMIN_ROUTES.find((r) => r.pattern.test(bare));
  if (!route) return json(404, { error: `no admin route ${bare}`, routes: routeList(), docs: ADMIN_DOCS });
  const handler = route.methods[method.toUpperCase()];
  if (!handler) {
    const allowed = Object.keys(route.methods);
    return json(
      405,
      { error: `${method} is not allowed on ${route.path}; use ${allowed.join(' or ')}`, allowed, docs: ADMIN_DOCS },
      { Allow: allowed.join(', ') },
    );
  }
  let answer: AdminAnswer;
  try {
    const params = (route.pattern.exec(bare) ?? []).slice(1);
    answer = handler({ world, requests, body: parseBody(body), params });
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error), docs: ADMIN_DOCS });
  }
  return json(answer.status, answer.value);
}
