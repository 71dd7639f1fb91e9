import { defaultImageFor } from './catalogue.js';
import { resolveResources } from './context.js';
import { CREATABLE_KINDS } from './create.js';
import { LIFETIMES, statusAt } from './lifecycle.js';
import { unit } from './random.js';
import { buildSession, defaultPendingMs } from './session-factory.js';
import type { SeedSessionSpec, SimSession } from './types.js';
import type { SimWorld } from './world.js';

const SCIENTISTS = ['curie', 'hubble', 'leavitt', 'rubin', 'sagan', 'payne', 'kepler', 'herschel', 'cannon', 'hawking'];

function fail(message: string): never {
  throw new RangeError(`seedSession: ${message}`);
}

/** Pre-creates a session in the requested state and age (times in clock seconds); returns its id. */
export function seedSession(world: SimWorld, spec: SeedSessionSpec): string {
  if (!CREATABLE_KINDS.includes(spec.kind)) fail(`unknown kind ${String(spec.kind)}`);
  const now = world.now();
  const sec = (s: number | undefined, fallback: number): number => (s === undefined ? fallback : s * 1000);
  const headless = spec.kind === 'headless';
  const status = spec.status ?? 'Running';
  const id = world.newSessionId();
  const defPending = defaultPendingMs(world, id);
  const defRun = world.scaled(world.config.headlessRunSeconds);
  let age: number;
  let pendingMs: number;
  let runMs: number | undefined;
  let finishedAgo: number | undefined;
  if (status === 'Pending') {
    age = sec(spec.ageSeconds, 1000);
    pendingMs = sec(spec.pendingSeconds, age + defPending);
    if (pendingMs <= age) fail('a Pending session needs pendingSeconds > ageSeconds');
  } else if (status === 'Running' || status === 'Terminating') {
    age = sec(spec.ageSeconds, 600_000);
    pendingMs = sec(spec.pendingSeconds, Math.min(defPending, age / 2));
    if (pendingMs > age) fail('a Running session needs pendingSeconds <= ageSeconds');
    if (headless) runMs = sec(spec.runSeconds, age - pendingMs + defRun);
    if (runMs !== undefined && age - pendingMs >= runMs) fail('a Running headless job needs runSeconds > its time running');
  } else if (status === 'Completed' || status === 'Failed') {
    finishedAgo = sec(spec.finishedSecondsAgo, 60_000);
    const ttl = world.scaled(headless ? LIFETIMES.headlessTtl : LIFETIMES.interactiveTtl);
    if (finishedAgo >= ttl) fail(`finishedSecondsAgo must be under the retention time (${ttl / 1000} s)`);
    pendingMs = sec(spec.pendingSeconds, defPending);
    const lifetime = headless || status === 'Completed' ? sec(spec.runSeconds, defRun) : world.scaled(LIFETIMES.interactiveDeadline);
    age = sec(spec.ageSeconds, finishedAgo + pendingMs + lifetime);
    runMs = age - finishedAgo - pendingMs;
    if (runMs <= 0) fail('ageSeconds is too small for the pending time and finishedSecondsAgo');
  } else {
    fail(`unknown status ${String(status)}`);
  }
  const host = world.config.registryHosts[0];
  const user = spec.user ?? [...world.config.usersByName.keys()][0];
  const name = spec.name ?? SCIENTISTS[Math.floor(unit(world.config.seed, id, 'name') * SCIENTISTS.length)];
  const session: SimSession = buildSession(world, {
    id,
    user,
    kind: spec.kind,
    name: name.toLowerCase().slice(0, 63),
    image: spec.image ?? defaultImageFor(spec.kind, host),
    resources: resolveResources(spec.kind, { cores: spec.cores, ramGiB: spec.ram, gpus: spec.gpus }, world.config.gpuEnabled),
    outcome: status === 'Failed' ? 'Failed' : (spec.outcome ?? 'Completed'),
    cmd: headless ? spec.cmd : undefined,
    args: headless && spec.args !== undefined ? spec.args.split(' ') : undefined,
    env: headless ? Object.entries(spec.env ?? {}) : [],
    createdAt: now - age,
    pendingMs,
    runMs,
  });
  if (finishedAgo !== undefined) {
    const end = now - finishedAgo;
    if (status === 'Failed' && !headless) session.deadlineSeconds = Math.max(1, Math.round((end - session.startAt) / 1000));
    else session.runEndAt = end;
  }
  if (spec.expiresInSeconds !== undefined) {
    session.deadlineSeconds = Math.max(1, Math.ceil((now + spec.expiresInSeconds * 1000 - session.startAt) / 1000));
  }
  if (status === 'Terminating') {
    session.deletedAt = now;
    session.terminatingUntil = now + session.terminationMs;
  }
  const actual = statusAt(session, now);
  if (actual !== status) fail(`these times give ${actual ?? 'a gone session'}, not ${status} (use expiresInSeconds or a smaller ageSeconds)`);
  world.store.add(session);
  return id;
}

/** Pre-creates headless replicas like the official client: names `<name>-1..N`, env REPLICA_ID/REPLICA_COUNT. */
export function seedReplicas(world: SimWorld, spec: SeedSessionSpec, count: number): string[] {
  if (spec.kind !== 'headless') fail('replicas are for headless jobs only');
  if (!Number.isInteger(count) || count < 1) fail('replicas must be an integer >= 1');
  const base = spec.name ?? 'replica';
  return Array.from({ length: count }, (_, i) =>
    seedSession(world, {
      ...spec,
      name: count === 1 ? base : `${base}-${i + 1}`,
      env: { ...spec.env, REPLICA_ID: String(i + 1), REPLICA_COUNT: String(count) },
    }),
  );
}
