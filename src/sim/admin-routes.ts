import { setInteractiveCap } from './config.js';
import { OIDC_ADMIN_ROUTES } from './oidc-admin.js';
import { mergeFaults, parseFaults, type FaultPatch } from './faults.js';
import { podAt } from './pods.js';
import { checkSeconds } from './seconds.js';
import { preemptSession } from './preempt.js';
import { seedReplicas, seedSession } from './seed.js';
import type { SeedSessionSpec } from './types.js';
import { javaInstant } from './wire-format.js';
import { mergeStorage } from './storage-settings.js';
import type { AdminAnswer, AdminContext, AdminRoute } from './admin-route.js';

const ok = (value: unknown): AdminAnswer => ({ status: 200, value });

function state({ world }: AdminContext): AdminAnswer {
  return ok({
    now: javaInstant(world.now()),
    speed: world.config.speed,
    seed: world.config.seed,
    users: [...world.config.usersByName.keys()],
    sessions: world.store.live().length,
    maxInteractiveSessions: world.config.maxInteractiveSessions,
    faults: world.faults,
    docs: 'docs/simulator.md',
  });
}

function settings({ world }: AdminContext): AdminAnswer {
  const { maxInteractiveSessions, speed, statsRefreshSeconds, headlessRunSeconds } = world.config;
  return ok({ maxInteractiveSessions, speed, statsRefreshSeconds, headlessRunSeconds });
}

function changeSettings(ctx: AdminContext): AdminAnswer {
  for (const key of Object.keys(ctx.body)) {
    if (key !== 'maxInteractiveSessions') throw new RangeError(`${key} cannot be changed while running (only maxInteractiveSessions can)`);
  }
  if (ctx.body.maxInteractiveSessions !== undefined) setInteractiveCap(ctx.world.config, ctx.body.maxInteractiveSessions);
  return settings(ctx);
}

function schedule({ world }: AdminContext): AdminAnswer {
  const now = world.now();
  return ok(world.scheduledFaults().map(({ at, patch }) => ({ at: javaInstant(at), inSeconds: (at - now) / 1000, faults: patch })));
}

function addSchedule(ctx: AdminContext): AdminAnswer {
  const inSeconds = checkSeconds(ctx.body.inSeconds, 'inSeconds');
  const patch = ctx.body.faults;
  mergeFaults({}, patch); // validates before anything is scheduled
  ctx.world.scheduleFaults(ctx.world.now() + inSeconds * 1000, patch as FaultPatch);
  return { status: 201, value: schedule(ctx).value };
}

function sessions({ world }: AdminContext): AdminAnswer {
  const now = world.now();
  return ok(
    world.store.live().map(({ session: s, status }) => ({
      id: s.id,
      appId: s.appId,
      user: s.user,
      kind: s.kind,
      name: s.name,
      status,
      queued: status === 'Pending' && podAt(s, now) === undefined,
      trouble: s.trouble ?? null,
      renew: s.renew,
    })),
  );
}

function seed({ world, body }: AdminContext): AdminAnswer {
  const spec = body as unknown as SeedSessionSpec & { replicas?: number };
  if (typeof spec.kind !== 'string') throw new RangeError('a session spec needs a kind (notebook, desktop, carta, contributed, firefly or headless)');
  const ids = spec.replicas === undefined ? [seedSession(world, spec)] : seedReplicas(world, spec, spec.replicas);
  return { status: 201, value: { ids } };
}

function advanceClock({ world, body }: AdminContext): AdminAnswer {
  if (body.advanceMs === undefined && body.advanceSeconds === undefined) throw new RangeError('send {"advanceMs": N} or {"advanceSeconds": N}');
  const seconds = body.advanceSeconds ?? (typeof body.advanceMs === 'number' ? body.advanceMs / 1000 : body.advanceMs);
  world.advance(checkSeconds(seconds, 'the time to advance') * 1000);
  return ok({ now: javaInstant(world.now()) });
}

/** Every admin route, in the order `docs/simulator.md` describes them. */
export const ADMIN_ROUTES: AdminRoute[] = [
  { path: '/_sim/state', pattern: /^\/_sim(?:\/state)?$/, methods: { GET: state } },
  {
    path: '/_sim/faults',
    pattern: /^\/_sim\/faults$/,
    methods: {
      GET: ({ world }) => ok(world.faults),
      PUT: ({ world, body }) => ok((world.faults = parseFaults(body))),
      PATCH: ({ world, body }) => ok((world.faults = mergeFaults(world.faults, body))),
      POST: ({ world, body }) => ok((world.faults = mergeFaults(world.faults, body))),
      DELETE: ({ world }) => ok((world.faults = {})),
    },
  },
  {
    path: '/_sim/faults/schedule',
    pattern: /^\/_sim\/faults\/schedule$/,
    methods: { GET: schedule, POST: addSchedule, DELETE: (ctx) => (ctx.world.clearSchedule(), ok([])) },
  },
  { path: '/_sim/settings', pattern: /^\/_sim\/settings$/, methods: { GET: settings, PATCH: changeSettings, POST: changeSettings } },
  { path: '/_sim/sessions', pattern: /^\/_sim\/sessions$/, methods: { GET: sessions, POST: seed } },
  {
    path: '/_sim/sessions/{id}/preempt',
    pattern: /^\/_sim\/sessions\/([^/]+)\/preempt$/,
    methods: {
      POST: ({ world, body, params }) => {
        preemptSession(world, params[0], body.queuedSeconds ?? 60);
        return ok({ id: params[0], status: 'Pending', queuedSeconds: body.queuedSeconds ?? 60 });
      },
    },
  },
  {
    path: '/_sim/requests',
    pattern: /^\/_sim\/requests$/,
    methods: {
      GET: ({ requests }) => ok({ total: requests.count(), counts: requests.counts(), recent: requests.entries().slice(-100) }),
      DELETE: ({ requests }) => (requests.reset(), ok({ total: 0 })),
    },
  },
  {
    path: '/_sim/storage',
    pattern: /^\/_sim\/storage$/,
    methods: {
      GET: ({ world }) => ok(world.storage),
      PATCH: ({ world, body }) => ok((world.storage = mergeStorage(world.storage, body))),
      POST: ({ world, body }) => ok((world.storage = mergeStorage(world.storage, body))),
    },
  },
  { path: '/_sim/clock', pattern: /^\/_sim\/clock$/, methods: { GET: ({ world }) => ok({ now: javaInstant(world.now()) }), POST: advanceClock } },
  ...OIDC_ADMIN_ROUTES,
];
