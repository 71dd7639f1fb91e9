import { GIB } from './wire-format.js';
import { unit } from './random.js';
import type { ContainerRun } from './pods.js';
import type { SimSession } from './types.js';

/** Live usage of a session's first container: cores and bytes. */
export interface Usage {
  cores: number;
  ramBytes: number;
}

/** Smooth deterministic noise in [0, 1]: seeded values at knots `period` apart, cosine-interpolated. */
export function smoothNoise(seed: number, key: string, t: number, period: number): number {
  const x = t / period;
  const i = Math.floor(x);
  const f = x - i;
  const a = unit(seed, key, i);
  const b = unit(seed, key, i + 1);
  const w = (1 - Math.cos(f * Math.PI)) / 2;
  return a * (1 - w) + b * w;
}

/**
 * Usage of a running container at `now`: a deterministic function of seed, id and time that moves
 * smoothly and stays within the CPU and memory limits. `speed` makes it move faster with the clock.
 * A job headed for an OOM kill climbs to its memory limit instead.
 */
export function usageAt(s: SimSession, run: ContainerRun, now: number, seed: number, speed: number): Usage {
  const key = `${s.id}/${s.appId ?? ''}`;
  // simulated seconds since the container became ready
  const t = Math.max(0, ((now - run.readyAt) * speed) / 1000);
  const cpuLimit = s.resources.cpuLimit;
  const ramLimit = s.resources.ramLimitGiB * GIB;
  const busy = smoothNoise(seed, `${key}:cpu`, t, 30);
  const burst = smoothNoise(seed, `${key}:burst`, t, 240);
  let cores: number;
  if (s.kind === 'headless') {
    // a batch job keeps its request busy, sometimes reaching past it up to the limit
    cores = s.resources.cpuRequest * (0.55 + 0.4 * busy) + (cpuLimit - s.resources.cpuRequest) * 0.3 * burst * burst;
  } else {
    // an interactive session idles, with occasional bursts of work
    const idle = 0.002 + 0.02 * busy;
    cores = idle + cpuLimit * 0.6 * Math.max(0, burst - 0.6) ** 2 * 6;
  }
  cores = s.cpuInUse ?? Math.min(cpuLimit, Math.max(0.001, cores));
  const plateau = ramLimit * (0.08 + 0.35 * unit(seed, key, 'ram-plateau'));
  const warmUp = 1 - Math.exp(-t / 90);
  const wobble = 0.85 + 0.3 * smoothNoise(seed, `${key}:ram`, t, 60);
  const ramBytes = Math.min(ramLimit * 0.98, Math.max(0.06e9, (0.15e9 + plateau * warmUp) * wobble));
  if (s.trouble === 'oom') return { cores, ramBytes: oomClimb(ramLimit, run, now) };
  return { cores, ramBytes };
}

/** Memory of a job that runs out of it: from a third of the limit, climbing to the limit over the first 80 % of its run. */
function oomClimb(ramLimit: number, run: ContainerRun, now: number): number {
  const progress = Number.isFinite(run.exitAt) ? (now - run.readyAt) / (run.exitAt - run.readyAt) : 0;
  return ramLimit * Math.min(1, 0.3 + 0.7 * Math.max(0, progress / 0.8));
}
