import type { SimKind, SimResources } from './types.js';

/** The cores options of the shipped `k8s-resources.json`. */
export const CORE_OPTIONS: readonly number[] = Array.from({ length: 16 }, (_, i) => i + 1);

/** The memoryGB options of the shipped `k8s-resources.json`. */
export const RAM_OPTIONS: readonly number[] = [1, 2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 26, 28, 30, 32, 36, 40, 44, 48, 56, 64, 80, 92, 112, 128, 140, 170, 192];

/** The gpus options of the shipped `k8s-resources.json` (they start at 1, so 0 is rejected). */
export const GPU_OPTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => i + 1);

/** Defaults applied when cores/ram are omitted (Helm defaults). */
export const RESOURCE_DEFAULTS = {
  cores: { default: 2, defaultRequest: 1, defaultLimit: 8 },
  memoryGB: { default: 8, defaultRequest: 4, defaultLimit: 32 },
} as const;

/** The `/v1/context` body in file mode: the config file as-is, `maxInteractiveSessions` a string. */
export function contextBody(maxInteractiveSessions: number): string {
  const body = {
    cores: { ...RESOURCE_DEFAULTS.cores, options: CORE_OPTIONS },
    memoryGB: { ...RESOURCE_DEFAULTS.memoryGB, options: RAM_OPTIONS },
    gpus: { options: GPU_OPTIONS },
    maxInteractiveSessions: String(maxInteractiveSessions),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** What a launch asked for, after validation. */
export interface ResourceAsk {
  cores?: number;
  ramGiB?: number;
  gpus?: number;
}

/** The pod resources of a session: fixed when given, flexible defaults otherwise; desktop and firefly are hard-coded. */
export function resolveResources(kind: SimKind, ask: ResourceAsk, gpuEnabled: boolean): SimResources {
  const gpus = gpuEnabled ? (ask.gpus ?? 0) : 0;
  if (kind === 'desktop') {
    return { cpuRequest: 0.25, cpuLimit: 1, ramRequestGiB: 1, ramLimitGiB: 4, gpus, fixed: false };
  }
  if (kind === 'firefly') {
    return { cpuRequest: 0.1, cpuLimit: 1, ramRequestGiB: 4, ramLimitGiB: 4, gpus, fixed: true };
  }
  const cpuRequest = ask.cores ?? RESOURCE_DEFAULTS.cores.defaultRequest;
  const cpuLimit = ask.cores ?? RESOURCE_DEFAULTS.cores.defaultLimit;
  const ramRequestGiB = ask.ramGiB ?? RESOURCE_DEFAULTS.memoryGB.defaultRequest;
  const ramLimitGiB = ask.ramGiB ?? RESOURCE_DEFAULTS.memoryGB.defaultLimit;
  return { cpuRequest, cpuLimit, ramRequestGiB, ramLimitGiB, gpus, fixed: ramRequestGiB === ramLimitGiB };
}
