import { FakeClock } from '../helpers/fake-clock.js';
import { startSimulator, type SeedSessionSpec } from '../../src/sim/index.js';
import { TIMINGS, type PlatformBackend, type Scenario } from './platform-backend.js';

const renewable = (renew: SeedSessionSpec['renew']): SeedSessionSpec => ({
  kind: 'notebook',
  name: 'analysis',
  ageSeconds: 3600,
  expiresInSeconds: TIMINGS.renewableExpiresInSeconds,
  renew,
});

/** The simulator's seed spec of each scenario, on the contract's timings. */
export const SIM_SCENARIOS: Record<Scenario, SeedSessionSpec> = {
  queued: {
    kind: 'headless',
    name: 'survey',
    status: 'Pending',
    ageSeconds: 0,
    queuedSeconds: TIMINGS.queuedSeconds,
    pendingSeconds: TIMINGS.queuedSeconds + TIMINGS.podPendingSeconds,
    runSeconds: 3600,
  },
  preempted: {
    kind: 'headless',
    name: 'sweep',
    ageSeconds: 600,
    runSeconds: 7200,
    preempt: { inSeconds: TIMINGS.preemptInSeconds, queuedSeconds: TIMINGS.requeuedSeconds },
  },
  oom: { kind: 'headless', name: 'fit-model', ageSeconds: 5, pendingSeconds: 5, runSeconds: TIMINGS.oomRunSeconds, ram: 4, trouble: 'oom' },
  'crash-loop': { kind: 'headless', name: 'flaky', trouble: 'crash-loop', ageSeconds: 0, pendingSeconds: 5, runSeconds: 10, backoffSeconds: 10 },
  'image-pull': { kind: 'headless', name: 'reprocess', image: 'images.canfar.net/skaha/astroml:2099.1', trouble: 'image-pull', ageSeconds: 0 },
  unschedulable: { kind: 'headless', name: 'big-mosaic', ram: 192, cores: 16, trouble: 'unschedulable', ageSeconds: 0 },
  expiring: { kind: 'notebook', name: 'scratch', ageSeconds: 3600, expiresInSeconds: TIMINGS.expiresInSeconds },
  'renew-ok': renewable('ok'),
  'renew-error': renewable('error'),
  'renew-ignored': renewable('ignored'),
  'renew-headless': { kind: 'headless', name: 'job', ageSeconds: 600, runSeconds: 7200 },
  'renew-not-needed': { kind: 'notebook', name: 'long', ageSeconds: 60, expiresInSeconds: 6 * 86_400 },
  desktop: { kind: 'desktop', name: 'desk', ageSeconds: 600 },
};

/** A simulator on a fake clock (its own, or one shared with a daemon) that plays the contract's scenarios. */
export async function startSimulatorPlatform(clock = new FakeClock()): Promise<PlatformBackend> {
  const sim = await startSimulator({ port: 0, seed: 9, clock });
  return {
    baseUrl: sim.baseUrl,
    token: sim.token,
    close: () => sim.close(),
    seed: async (scenario) => sim.seedSession(SIM_SCENARIOS[scenario]),
    advance: async (seconds) => clock.advance(seconds * 1000),
    setMetricsDown: async (down) => sim.patchFaults({ statsUnavailable: down ? true : null }),
    statsReads: () => sim.requestCount('session.stats'),
  };
}
