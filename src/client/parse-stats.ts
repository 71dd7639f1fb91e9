import type { PlatformStats } from '../domain/platform.js';
import { isRecord, parseCores, parseRamCeiling, parseRamGB } from './parse-values.js';

/** Parses `?view=stats` (current shape; string or number values; the legacy `instances` block is ignored). Null when not an object. */
export function parseStats(raw: unknown): PlatformStats | null {
  if (!isRecord(raw)) return null;
  const cores = isRecord(raw.cores) ? raw.cores : {};
  const ram = isRecord(raw.ram) ? raw.ram : {};
  const maxCpu = isRecord(cores.maxCPUCores) ? cores.maxCPUCores : {};
  const maxRam = isRecord(ram.maxRAM) ? ram.maxRAM : {};
  return {
    cpu: {
      allocated: parseCores(cores.requestedCPUCores),
      capacity: parseCores(cores.cpuCoresAvailable),
      maxPerSession: parseCores(maxCpu.cpuCores) ?? parseCores(maxRam.withCPUCores),
    },
    ramGB: {
      allocated: parseRamGB(ram.requestedRAM),
      capacity: parseRamGB(ram.ramAvailable),
      maxPerSession: parseRamCeiling(maxRam.ram) ?? parseRamCeiling(maxCpu.withRam),
    },
  };
}
