import { LIFETIMES, scaledDeadline } from './lifecycle.js';
import { unit } from './random.js';
import type { SimSession } from './types.js';
import type { SimWorld } from './world.js';

/** What a new Job is made from: its identity, request and command; times default to the seeded lifecycle. */
export type SessionPlan = Pick<SimSession, 'id' | 'appId' | 'user' | 'kind' | 'name' | 'image' | 'resources' | 'cmd' | 'args'> &
  Partial<Pick<SimSession, 'outcome' | 'env' | 'createdAt'>> & {
    /** Creation → Running in ms; default 5–8 simulated seconds (seeded). */
    pendingMs?: number;
    /** Headless: Running → exit in ms; default headlessRunSeconds. */
    runMs?: number;
  };

/** The seeded pending time (5–8 simulated seconds) of a session, in ms. */
export function defaultPendingMs(world: SimWorld, id: string, appId = ''): number {
  return world.scaled(5 + 3 * unit(world.config.seed, id, appId, 'pending'));
}

/** Builds a Job from a plan: start time ~1 s after creation, Running after the pending time, deadlines and TTLs by kind. */
export function buildSession(world: SimWorld, plan: SessionPlan): SimSession {
  const createdAt = plan.createdAt ?? world.now();
  const pendingMs = plan.pendingMs ?? defaultPendingMs(world, plan.id, plan.appId);
  const headless = plan.kind === 'headless';
  const speed = world.config.speed;
  // the Job controller sets status.startTime (whole seconds) right after the Job is created
  const startAt = Math.floor((createdAt + Math.min(world.scaled(1), pendingMs / 2)) / 1000) * 1000;
  const readyAt = createdAt + pendingMs;
  return {
    id: plan.id,
    appId: plan.appId,
    user: plan.user,
    kind: plan.kind,
    name: plan.name,
    image: plan.image,
    createdAt,
    startAt,
    readyAt,
    runEndAt: headless ? readyAt + (plan.runMs ?? world.scaled(world.config.headlessRunSeconds)) : undefined,
    outcome: plan.outcome ?? 'Completed',
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
