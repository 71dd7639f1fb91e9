import { bearerToken } from './auth.js';
import { parseFaults } from './faults.js';
import type { RequestLog } from './request-log.js';
import { seedReplicas, seedSession } from './seed.js';
import type { SeedSessionSpec, SimResponse } from './types.js';
import { javaInstant } from './wire-format.js';
import type { SimWorld } from './world.js';

const json = (status: number, value: unknown): SimResponse => ({
  status,
  contentType: 'application/json',
  body: `${JSON.stringify(value, null, 2)}\n`,
});

const fail = (status: number, message: string): SimResponse => json(status, { error: message });

function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new RangeError('the body is not valid JSON');
  }
}

/**
 * The admin API under `/_sim` (bearer admin token): `faults` GET/PUT/PATCH/DELETE, `sessions` GET/POST (seed),
 * `requests` GET/DELETE, `clock` POST `{"advanceMs"}`, `state` GET, `oidc` GET/PATCH (lifetimes), `oidc/login`
 * POST `{"user"}` (a fresh login's tokens), `oidc/revoke` POST (ends every login).
 */
export function handleAdmin(world: SimWorld, requests: RequestLog, method: string, path: string, authorization: string | undefined, body: string): SimResponse {
  if (bearerToken(authorization) !== world.config.adminToken) return fail(401, 'admin token required (Authorization: Bearer <admin token>)');
  const route = `${method} ${path.replace(/\/$/, '')}`;
  try {
    switch (route) {
      case 'GET /_sim':
      case 'GET /_sim/state':
        return json(200, {
          now: javaInstant(world.now()),
          speed: world.config.speed,
          seed: world.config.seed,
          users: [...world.config.usersByName.keys()],
          sessions: world.store.live().length,
        });
      case 'GET /_sim/faults':
        return json(200, world.faults);
      case 'PUT /_sim/faults':
        world.faults = parseFaults(parseBody(body));
        return json(200, world.faults);
      case 'PATCH /_sim/faults':
        world.faults = { ...world.faults, ...parseFaults(parseBody(body)) };
        return json(200, world.faults);
      case 'DELETE /_sim/faults':
        world.faults = {};
        return json(200, world.faults);
      case 'GET /_sim/sessions':
        return json(
          200,
          world.store.live().map(({ session: s, status }) => ({ id: s.id, appId: s.appId, user: s.user, kind: s.kind, name: s.name, status })),
        );
      case 'POST /_sim/sessions': {
        const spec = parseBody(body) as SeedSessionSpec & { replicas?: number };
        if (typeof spec !== 'object' || spec === null || typeof spec.kind !== 'string') throw new RangeError('a session spec needs a kind');
        const ids = spec.replicas === undefined ? [seedSession(world, spec)] : seedReplicas(world, spec, spec.replicas);
        return json(201, { ids });
      }
      case 'GET /_sim/requests':
        return json(200, { total: requests.count(), counts: requests.counts(), recent: requests.entries().slice(-100) });
      case 'DELETE /_sim/requests':
        requests.reset();
        return json(200, { total: 0 });
      case 'GET /_sim/oidc':
      case 'PATCH /_sim/oidc':
      case 'POST /_sim/oidc/login':
      case 'POST /_sim/oidc/revoke':
        return handleOidcAdmin(world, route, parseBody(body));
      case 'POST /_sim/clock': {
        const { advanceMs } = parseBody(body) as { advanceMs?: unknown };
        if (typeof advanceMs !== 'number') throw new RangeError('advanceMs must be a number of milliseconds');
        world.advance(advanceMs);
        return json(200, { now: javaInstant(world.now()) });
      }
      default:
        return fail(404, `no admin route ${route}`);
    }
  } catch (error) {
    return fail(400, error instanceof Error ? error.message : String(error));
  }
}

function handleOidcAdmin(world: SimWorld, route: string, body: unknown): SimResponse {
  const oidc = world.oidc;
  if (!oidc) return fail(404, 'the identity provider is not running');
  const input = (body ?? {}) as Record<string, unknown>;
  if (route === 'POST /_sim/oidc/login') {
    const user = input.user ?? [...world.config.usersByName.keys()][0];
    if (typeof user !== 'string' || !world.config.usersByName.has(user)) throw new RangeError(`user must be one of ${[...world.config.usersByName.keys()].join(', ')}`);
    return json(200, oidc.login(user));
  }
  if (route === 'POST /_sim/oidc/revoke') oidc.revokeAll();
  if (route === 'PATCH /_sim/oidc') {
    for (const key of ['accessLifetimeSec', 'refreshLifetimeSec'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new RangeError(`${key} must be a positive number of seconds`);
      oidc.settings[key] = value;
    }
    for (const key of ['rotateRefreshTokens', 'omitRefreshToken'] as const) {
      const value = input[key];
      if (value === undefined) continue;
      if (typeof value !== 'boolean') throw new RangeError(`${key} must be true or false`);
      oidc.settings[key] = value;
    }
  }
  return json(200, { clientId: oidc.clientId, grants: oidc.grants, settings: oidc.settings });
}
