import type { SimConfig } from './config.js';
import { RESOURCE_DEFAULTS } from './context.js';
import type { LiveSession } from './store.js';
import { formatStatsGB, GIB, JavaDouble, toGson } from './wire-format.js';

/** The `view=stats` body (§2.4): cluster allocation (background pods plus every live pod's requests) and capacity. */
export function statsBody(config: SimConfig, live: LiveSession[]): string {
  let cores = config.cluster.backgroundCores;
  let ramGiB = config.cluster.backgroundRamGiB;
  for (const { session, status } of live) {
    // finished pods no longer hold their requests
    if (status === 'Completed' || status === 'Failed') continue;
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
