import type { SeedSessionSpec } from '../../src/sim/index.js';

const KINDS = ['notebook', 'headless', 'desktop', 'carta', 'firefly', 'contributed'] as const;
const DAY = 86_400;

/**
 * Pure: `count` Running sessions of one user, a mix of every kind and age (up to two days), that
 * stay Running for at least a day: a busy account for the benchmarks to poll.
 */
export function platformSpecs(count: number, user?: string): SeedSessionSpec[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const ageSeconds = 600 + ((i * 7919) % (2 * DAY - 600));
    const spec: SeedSessionSpec = { kind, user, name: `bench-${kind}-${i + 1}`, ageSeconds };
    if (kind === 'headless') Object.assign(spec, { cmd: 'python', args: `fit.py --part ${i + 1}`, runSeconds: ageSeconds + DAY });
    return spec;
  });
}

/** Pure: the `n`th session a churning account starts: a kind of each in turn, Pending for a few seconds, jobs running a few minutes. */
export function churnSpec(n: number, user?: string): SeedSessionSpec {
  const kind = KINDS[n % KINDS.length];
  const spec: SeedSessionSpec = { kind, user, name: `churn-${kind}-${n + 1}`, status: 'Pending', ageSeconds: 1, pendingSeconds: 3 + (n % 5) };
  if (kind === 'headless') Object.assign(spec, { cmd: 'python', args: `step.py ${n}`, runSeconds: 120 + (n % 7) * 30 });
  return spec;
}

/** Pure: `lines` log lines of exactly `lineBytes` bytes each (newline included), numbered from `first`. */
export function logLines(first: number, lines: number, lineBytes: number): string {
  let out = '';
  for (let i = 0; i < lines; i++) {
    const head = `[bench] line ${first + i} `;
    out += `${head.padEnd(lineBytes - 1, 'x')}\n`;
  }
  return out;
}
