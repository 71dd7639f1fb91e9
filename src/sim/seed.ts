import { defaultImageFor } from './catalogue.js';
import { resolveResources } from './context.js';
import { CREATABLE_KINDS } from './create.js';
import { LIFETIMES, statusAt } from './lifecycle.js';
import { preemptAt } from './preempt.js';
import { checkSeconds, MAX_SECONDS } from './seconds.js';
import { unit } from './random.js';
import { buildSession, defaultPendingMs } from './session-factory.js';
import { RENEW_OUTCOMES, SIM_TROUBLES, type SeedSessionSpec, type SimSession, type SimStatus } from './types.js';
import type { SimWorld } from './world.js';

const SCIENTISTS = ['curie', 'hubble', 'leavitt', 'rubin', 'sagan', 'payne', 'kepler', 'herschel', 'cannon', 'hawking'];

function fail(message: string): never {
  throw new RangeError(`seedSession: ${message}`);
}

/** The status a spec asks for: given, or Running (Pending for a trouble that keeps the pod from running). */
function wantedStatus(spec: SeedSessionSpec): SimStatus {
  if (spec.status !== undefined) return spec.status;
  return spec.trouble === undefined || spec.trouble === 'oom' ? 'Running' : 'Pending';
}

/** Checks the parts of a spec that do not depend on time. */
function checkSpec(spec: SeedSessionSpec, status: SimStatus): void {
  if (!CREATABLE_KINDS.includes(spec.kind)) fail(`unknown kind ${String(spec.kind)}`);
  if (spec.trouble !== undefined && !SIM_TROUBLES.includes(spec.trouble))
    fail(`unknown trouble ${String(spec.trouble)} (use one of ${SIM_TROUBLES.join(', ')})`);
  if (spec.renew !== undefined && !RENEW_OUTCOMES.includes(spec.renew))
    fail(`unknown renew outcome ${String(spec.renew)} (use one of ${RENEW_OUTCOMES.join(', ')})`);
  if (spec.trouble === 'oom' && spec.kind !== 'headless')
    fail('trouble oom is for headless jobs (an interactive session is restarted after an out-of-memory kill)');
  const finished = status === 'Completed' || status === 'Failed';
  if (finished && spec.trouble !== undefined && (spec.trouble !== 'oom' || status !== 'Failed')) {
    fail(`a ${spec.trouble} session cannot be seeded ${status}: seed it Pending or Running and let it fail`);
  }
  try {
    for (const key of ['ageSeconds', 'pendingSeconds', 'queuedSeconds', 'runSeconds', 'finishedSecondsAgo', 'backoffSeconds'] as const) {
      if (spec[key] !== undefined) checkSeconds(spec[key], key);
    }
    if (spec.expiresInSeconds !== undefined) checkSeconds(spec.expiresInSeconds, 'expiresInSeconds', -MAX_SECONDS);
    if (spec.preempt !== undefined) {
      checkSeconds(spec.preempt.inSeconds, 'preempt.inSeconds');
      checkSeconds(spec.preempt.queuedSeconds, 'preempt.queuedSeconds');
    }
  } catch (error) {
    fail((error as Error).message);
  }
}

/** Pre-creates a session in the requested state and age (times in clock seconds); returns its id. */
export function seedSession(world: SimWorld, spec: SeedSessionSpec): string {
  const status = wantedStatus(spec);
  checkSpec(spec, status);
  const now = world.now();
  const sec = (s: number | undefined, fallback: number): number => (s === undefined ? fallback : s * 1000);
  const headless = spec.kind === 'headless';
  const id = world.newSessionId();
  const defPending = defaultPendingMs(world, id);
  const defRun = world.scaled(world.config.headlessRunSeconds);
  const queuedMs = sec(spec.queuedSeconds, 0);
  const crashRunMs = spec.trouble === 'crash-loop' ? sec(spec.runSeconds, world.scaled(10)) : undefined;
  let age: number;
  let pendingMs: number;
  let runMs = crashRunMs;
  let finishedAgo: number | undefined;
  if (status === 'Pending') {
    age = sec(spec.ageSeconds, 1000);
    pendingMs = sec(spec.pendingSeconds, Math.max(age, queuedMs) + defPending);
    if (pendingMs <= age) fail('a Pending session needs pendingSeconds > ageSeconds');
    if (headless && runMs === undefined && spec.runSeconds !== undefined) runMs = spec.runSeconds * 1000;
  } else if (status === 'Running' || status === 'Terminating') {
    age = sec(spec.ageSeconds, 600_000);
    pendingMs = sec(spec.pendingSeconds, queuedMs + Math.min(defPending, (age - queuedMs) / 2));
    if (pendingMs > age) fail('a Running session needs pendingSeconds <= ageSeconds (and queuedSeconds < ageSeconds)');
    if (headless && runMs === undefined) runMs = sec(spec.runSeconds, age - pendingMs + defRun);
    if (headless && spec.trouble !== 'crash-loop' && runMs !== undefined && age - pendingMs >= runMs)
      fail('a Running headless job needs runSeconds > its time running');
  } else if (status === 'Completed' || status === 'Failed') {
    finishedAgo = sec(spec.finishedSecondsAgo, 60_000);
    const ttl = world.scaled(headless ? LIFETIMES.headlessTtl : LIFETIMES.interactiveTtl);
    if (finishedAgo >= ttl) fail(`finishedSecondsAgo must be under the retention time (${ttl / 1000} s)`);
    pendingMs = sec(spec.pendingSeconds, queuedMs + defPending);
    const lifetime = headless || status === 'Completed' ? sec(spec.runSeconds, defRun) : world.scaled(LIFETIMES.interactiveDeadline);
    age = sec(spec.ageSeconds, finishedAgo + pendingMs + lifetime);
    runMs = age - finishedAgo - pendingMs;
    if (runMs <= 0) fail('ageSeconds is too small for the pending time and finishedSecondsAgo');
  } else {
    fail(`unknown status ${String(status)}`);
  }
  if (queuedMs >= pendingMs) fail('queuedSeconds must be less than pendingSeconds (the pod comes after the queue)');
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
    queuedMs,
    pendingMs,
    runMs,
    trouble: spec.trouble,
    backoffMs: spec.backoffSeconds === undefined ? undefined : spec.backoffSeconds * 1000,
    renew: spec.renew,
  });
  const pod = session.pods[0];
  if (finishedAgo !== undefined) {
    const end = now - finishedAgo;
    if (status === 'Failed' && !headless) {
      session.runMs = undefined;
      session.deadlineSeconds = Math.max(1, Math.round((end - pod.startAt) / 1000));
    } else session.runMs = end - pod.readyAt;
  }
  if (spec.expiresInSeconds !== undefined) {
    session.deadlineSeconds = Math.max(1, Math.ceil((now + spec.expiresInSeconds * 1000 - pod.startAt) / 1000));
  }
  if (status === 'Terminating') {
    session.deletedAt = now;
    session.terminatingUntil = now + session.terminationMs;
  }
  if (spec.cpuInUse !== undefined) {
    if (typeof spec.cpuInUse !== 'number' || !(spec.cpuInUse >= 0)) fail('cpuInUse must be a number of cores >= 0');
    session.cpuInUse = spec.cpuInUse;
  }
  if (spec.preempt !== undefined) seedPreemption(world, session, spec.preempt);
  const actual = statusAt(session, now);
  if (actual !== status) fail(`these times give ${actual ?? 'a gone session'}, not ${status} (use expiresInSeconds or a smaller ageSeconds)`);
  world.store.add(session);
  return id;
}

/** Plans a seeded preemption (clock seconds from now). */
function seedPreemption(world: SimWorld, session: SimSession, preempt: { inSeconds: number; queuedSeconds: number }): void {
  const { inSeconds, queuedSeconds } = preempt;
  try {
    preemptAt(world, session, world.now() + inSeconds * 1000, queuedSeconds * 1000);
  } catch (error) {
    fail(`preempt in ${inSeconds} s: ${(error as Error).message}`);
  }
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
