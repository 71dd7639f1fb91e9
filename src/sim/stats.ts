import type { SimConfig } from './config.js';
import { RESOURCE_DEFAULTS } from './context.js';
import type { LiveSession } from './store.js';
import { podAt } from './pods.js';
import { unit } from './random.js';
import { formatStatsGB, GIB, JavaDouble, toGson } from './wire-format.js';

/**
 * The `view=stats` body (§2.4) as of `now`: cluster allocation (other users' pods, which change from one
 * snapshot period to the next, plus the requests of every admitted Job's pod) and capacity.
 */
export function statsBody(config: SimConfig, live: LiveSession[], now: number, periodMs: number): string {
  const { cluster, seed } = config;
  const window = periodMs > 0 ? Math.floor(now / periodMs) : 0;
  let cores = cluster.backgroundCores * (0.6 + 0.8 * unit(seed, 'bg-cpu', window));
  let ramGiB = cluster.backgroundRamGiB * (0.6 + 0.8 * unit(seed, 'bg-ram', window));
  for (const { session, status } of live) {
    // finished pods no longer hold their requests, and a queued Job has no quota reserved
    if (status === 'Completed' || status === 'Failed' || podAt(session, now) === undefined) continue;
    cores += session.resources.cpuRequest;
    ramGiB += session.resources.ramRequestGiB;
  }
  const maxCores = new JavaDouble(RESOURCE_DEFAULTS.cores.defaultLimit);
  const maxRam = `${RESOURCE_DEFAULTS.memoryGB.defaultLimit}Gi`;
  return toGson({
    cores: {
      requestedCPUCores: new JavaDouble(Math.round(cores * 1000) / 1000),
      cpuCoresAvailable: new JavaDouble(config.cluster.cores),
      maxCPUCores: { cpuCores: maxCores, withRam: maxRam },
    },
    ram: {
      requestedRAM: formatStatsGB(ramGiB * GIB),
      ramAvailable: formatStatsGB(config.cluster.ramGiB * GIB),
      maxRAM: { ram: maxRam, withCPUCores: maxCores },
    },
  });
}
