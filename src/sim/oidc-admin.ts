import type { AdminContext, AdminAnswer, AdminRoute } from './admin-route.js';

const ok = (value: unknown): AdminAnswer => ({ status: 200, value });

function provider({ world }: AdminContext) {
  if (!world.oidc) throw new RangeError('the identity provider is not running');
  return world.oidc;
}

function describe(ctx: AdminContext): AdminAnswer {
  const oidc = provider(ctx);
  return ok({ clientId: oidc.clientId, grants: oidc.grants, settings: oidc.settings });
}

function changeSettings(ctx: AdminContext): AdminAnswer {
  const oidc = provider(ctx);
  for (const key of ['accessLifetimeSec', 'refreshLifetimeSec'] as const) {
    const value = ctx.body[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new RangeError(`${key} must be a positive number of seconds`);
    oidc.settings[key] = value;
  }
  for (const key of ['rotateRefreshTokens', 'omitRefreshToken'] as const) {
    const value = ctx.body[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new RangeError(`${key} must be true or false`);
    oidc.settings[key] = value;
  }
  return describe(ctx);
}

function login(ctx: AdminContext): AdminAnswer {
  const oidc = provider(ctx);
  const users = [...ctx.world.config.usersByName.keys()];
  const user = ctx.body.user ?? users[0];
  if (typeof user !== 'string' || !ctx.world.config.usersByName.has(user)) throw new RangeError(`user must be one of ${users.join(', ')}`);
  return ok(oidc.login(user));
}

/** The identity provider's admin routes: its lifetimes, a fresh login's tokens, and ending every login. */
export const OIDC_ADMIN_ROUTES: AdminRoute[] = [
  { path: '/_sim/oidc', pattern: /^\/_sim\/oidc$/, methods: { GET: describe, PATCH: changeSettings, POST: changeSettings } },
  { path: '/_sim/oidc/login', pattern: /^\/_sim\/oidc\/login$/, methods: { POST: login } },
  { path: '/_sim/oidc/revoke', pattern: /^\/_sim\/oidc\/revoke$/, methods: { POST: (ctx) => (provider(ctx).revokeAll(), describe(ctx)) } },
];
