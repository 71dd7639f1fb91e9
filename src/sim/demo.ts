import type { RunningSimulator } from './running-simulator.js';

/** How seedDemo treats the simulator's settings. */
export interface DemoOptions {
  /** Keep the interactive cap as it is (it was chosen with --max-sessions); by default it is raised so the demo fits. */
  keepCap?: boolean;
}

/** The interactive cap of the demo platform: the seeded interactive sessions plus room for two launches. */
export const DEMO_CAP = 8;

/**
 * Seeds a lived-in platform for demos, for two users. Ages scale with `speed`; what a person should see
 * happen is timed in clock seconds, so it shows within the first minute at any speed and each state lasts
 * long enough to read: a job queued in Kueue (25 s, then 8 s pulling), a preemption (at 12 s, queued 20 s),
 * a job killed for memory (its memory climbs, Failed at ~30 s), an image that cannot be pulled, a job no
 * node can take, a crash-looping app, a notebook expiring at 45 s, sessions whose renew works, fails (500)
 * or is ignored (expiring in 5 min), and a metrics outage (stats 503 from 20 s to 40 s).
 */
export function seedDemo(sim: RunningSimulator, speed = 1, options: DemoOptions = {}): string[] {
  const [first, second] = Object.keys(sim.tokens);
  const other = second ?? first;
  const t = (seconds: number): number => seconds / speed;
  const day = 86_400;
  const host = 'images.canfar.net';
  if (!options.keepCap && sim.maxInteractiveSessions() < DEMO_CAP) sim.setMaxInteractiveSessions(DEMO_CAP);
  if (!sim.faults().statsUnavailable) {
    sim.scheduleFaults(20, { statsUnavailable: true });
    sim.scheduleFaults(40, { statsUnavailable: null });
  }
  const nearExpiry = Math.max(t(4 * day) - 300, 60);
  return [
    // renew: works, fails with a 500, or answers 200 and changes nothing (a server before skaha 1.4)
    sim.seedSession({ kind: 'notebook', user: first, name: 'analysis', ageSeconds: nearExpiry, expiresInSeconds: 300, cores: 2, ram: 8, renew: 'ok' }),
    sim.seedSession({ kind: 'carta', user: first, name: 'cube-viewer', ageSeconds: nearExpiry, expiresInSeconds: 300, renew: 'error' }),
    sim.seedSession({ kind: 'notebook', user: first, name: 'spectra', ageSeconds: nearExpiry, expiresInSeconds: 300, renew: 'ignored' }),
    sim.seedSession({ kind: 'notebook', user: first, name: 'scratch', ageSeconds: Math.max(t(4 * day) - 45, 60), expiresInSeconds: 45 }),
    sim.seedSession({ kind: 'desktop', user: first, name: 'desk', status: 'Pending', ageSeconds: 2, pendingSeconds: 20 }),
    sim.seedSession({
      kind: 'contributed',
      user: first,
      name: 'vscode',
      image: `${host}/cadc/vscode:1.95`,
      trouble: 'crash-loop',
      ageSeconds: 1,
      pendingSeconds: 4,
      runSeconds: 5,
      backoffSeconds: 4,
    }),
    ...sim.seedReplicas(
      { kind: 'headless', user: first, name: 'reduce', ageSeconds: t(30), pendingSeconds: t(6), runSeconds: t(240), cmd: 'python', args: 'reduce.py' },
      3,
    ),
    sim.seedSession({
      kind: 'headless',
      user: first,
      name: 'survey',
      status: 'Pending',
      ageSeconds: 1,
      queuedSeconds: 25,
      pendingSeconds: 33,
      runSeconds: t(1800),
      cmd: 'python',
      args: 'survey.py',
    }),
    sim.seedSession({
      kind: 'headless',
      user: first,
      name: 'sweep',
      ageSeconds: t(600),
      runSeconds: t(3600),
      preempt: { inSeconds: 12, queuedSeconds: 20 },
      cmd: 'python',
      args: 'sweep.py',
    }),
    sim.seedSession({
      kind: 'headless',
      user: first,
      name: 'fit-model',
      ageSeconds: 5,
      pendingSeconds: 3,
      runSeconds: 32,
      ram: 4,
      trouble: 'oom',
      cmd: 'python',
      args: 'fit.py',
    }),
    sim.seedSession({
      kind: 'headless',
      user: first,
      name: 'reprocess',
      image: `${host}/skaha/astroml:2099.1`,
      trouble: 'image-pull',
      ageSeconds: 3,
      cmd: 'python',
      args: 'reprocess.py',
    }),
    sim.seedSession({
      kind: 'headless',
      user: first,
      name: 'big-mosaic',
      ram: 192,
      cores: 16,
      trouble: 'unschedulable',
      ageSeconds: 8,
      cmd: 'python',
      args: 'mosaic.py',
    }),
    sim.seedSession({ kind: 'headless', user: first, name: 'calib', status: 'Completed', finishedSecondsAgo: t(300) }),
    sim.seedSession({ kind: 'headless', user: first, name: 'broken', status: 'Failed', finishedSecondsAgo: t(120), cmd: '/bin/sh', args: '-c exit 1' }),
    sim.seedSession({ kind: 'notebook', user: other, name: 'ml-training', ageSeconds: t(3600), cores: 4, ram: 16, gpus: 1 }),
    sim.seedSession({ kind: 'firefly', user: other, name: 'catalog', ageSeconds: t(5 * 3600) }),
  ];
}
