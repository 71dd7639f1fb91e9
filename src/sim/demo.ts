import type { RunningSimulator } from './index.js';

/** Seeds a lived-in platform for demos: sessions in every state, for two users; ages shrink with `speed`. */
export function seedDemo(sim: RunningSimulator, speed = 1): string[] {
  const [first, second] = Object.keys(sim.tokens);
  const other = second ?? first;
  const t = (seconds: number): number => seconds / speed;
  const day = 86_400;
  return [
    sim.seedSession({ kind: 'notebook', user: first, name: 'analysis', ageSeconds: t(2 * day), cores: 2, ram: 8 }),
    sim.seedSession({ kind: 'carta', user: first, name: 'cube-viewer', ageSeconds: t(4 * day - 1800) }),
    sim.seedSession({ kind: 'desktop', user: first, name: 'desk', status: 'Pending', ageSeconds: t(2), pendingSeconds: t(20) }),
    ...sim.seedReplicas({ kind: 'headless', user: first, name: 'reduce', ageSeconds: t(30), pendingSeconds: t(6), runSeconds: t(240), cmd: 'python', args: 'reduce.py' }, 3),
    sim.seedSession({ kind: 'headless', user: first, name: 'calib', status: 'Completed', finishedSecondsAgo: t(300) }),
    sim.seedSession({ kind: 'headless', user: first, name: 'broken', status: 'Failed', finishedSecondsAgo: t(120), cmd: '/bin/sh', args: '-c exit 1' }),
    sim.seedSession({ kind: 'notebook', user: other, name: 'ml-training', ageSeconds: t(3600), cores: 4, ram: 16, gpus: 1 }),
    sim.seedSession({ kind: 'firefly', user: other, name: 'catalog', ageSeconds: t(5 * 3600) }),
  ];
}
