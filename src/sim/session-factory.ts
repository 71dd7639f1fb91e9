import { LIFETIMES, scaledDeadline } from './lifecycle.js';
import { planPod } from './pods.js';
import { unit } from './random.js';
import type { SimSession } from './types.js';
import type { SimWorld } from './world.js';

/** What a new Job is made from: its identity, request and command; times default to the seeded lifecycle. */
export type SessionPlan = Pick<SimSession, 'id' | 'appId' | 'user' | 'kind' | 'name' | 'image' | 'resources' | 'cmd' | 'args'> &
  Partial<Pick<SimSession, 'outcome' | 'env' | 'createdAt' | 'trouble' | 'renew'>> & {
    /** Creation → Kueue admission in ms (default 0: admitted at once). */
    queuedMs?: number;
    /** Creation → Running in ms, queued time included; default queued + 5–8 simulated seconds (seeded). */
    pendingMs?: number;
    /** Headless (and crash-loop attempts): Running → exit in ms; default headlessRunSeconds (crash loop: 10 simulated seconds). */
    runMs?: number;
    /** Crash loop: the first back-off in ms (default 10 simulated seconds). */
    backoffMs?: number;
  };

/** The seeded pending time (5–8 simulated seconds) of a session's pod, in ms. */
export function defaultPendingMs(world: SimWorld, id: string, appId = ''): number {
  return world.scaled(5 + 3 * unit(world.config.seed, id, appId, 'pending'));
}

/** The run time of a new Job's command, if it has one that ends. */
function defaultRunMs(world: SimWorld, plan: SessionPlan): number | undefined {
  if (plan.trouble === 'crash-loop') return world.scaled(10);
  return plan.kind === 'headless' ? world.scaled(world.config.headlessRunSeconds) : undefined;
}

/** Builds a Job from a plan: queued, then a pod that is Running after its pending time; deadlines and TTLs by kind. */
export function buildSession(world: SimWorld, plan: SessionPlan): SimSession {
  const createdAt = plan.createdAt ?? world.now();
  const queuedMs = plan.queuedMs ?? 0;
  const unready = plan.trouble === 'image-pull' || plan.trouble === 'unschedulable';
  const pendingMs = unready ? Infinity : (plan.pendingMs ?? queuedMs + defaultPendingMs(world, plan.id, plan.appId));
  if (!(queuedMs >= 0) || queuedMs >= pendingMs) throw new RangeError('the queued time must be >= 0 and shorter than the pending time');
  const headless = plan.kind === 'headless';
  const speed = world.config.speed;
  return {
    id: plan.id,
    appId: plan.appId,
    user: plan.user,
    kind: plan.kind,
    name: plan.name,
    image: plan.image,
    createdAt,
    pods: [planPod(createdAt + queuedMs, pendingMs - queuedMs, world.scaled(1))],
    runMs: plan.runMs ?? defaultRunMs(world, plan),
    outcome: plan.outcome ?? 'Completed',
    trouble: plan.trouble,
    backoffMs: plan.backoffMs ?? world.scaled(10),
    renew: plan.renew ?? 'ok',
    deadlineSeconds: scaledDeadline(headless ? LIFETIMES.headlessDeadline : LIFETIMES.interactiveDeadline, speed),
    ttlMs: world.scaled(headless ? LIFETIMES.headlessTtl : LIFETIMES.interactiveTtl),
    terminationMs: world.scaled(2 + 2 * unit(world.config.seed, plan.id, plan.appId ?? '', 'terminating')),
    resources: plan.resources,
    cmd: plan.cmd,
    args: plan.args,
    env: plan.env ?? [],
  };
}

/** Whether a headless command is meant to fail (`exit 1`, `exit 2`, …, or `false`). */
export function commandFails(cmd: string | undefined, args: string | undefined): boolean {
  const text = `${cmd ?? ''} ${args ?? ''}`;
  return /\bexit\s+[1-9]\d*\b/.test(text) || /^\s*(\/bin\/)?false\b/.test(text);
}

/** Splits headless env entries like the server: `KEY=VALUE` kept only when it splits into exactly 2 parts. */
export function parseEnv(entries: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const entry of entries) {
    const parts = entry.split('=');
    // Java's String.split drops trailing empty strings ("A=" is one part)
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    if (parts.length === 2) out.push([parts[0], parts[1]]);
  }
  return out;
}
