import { textResponse } from './auth.js';
import { CORE_OPTIONS, GPU_OPTIONS, RAM_OPTIONS, resolveResources } from './context.js';
import type { Params } from './params.js';
import { launchSwitches, planSwitchedPreemption } from './launch-switches.js';
import { buildSession, commandFails, parseEnv } from './session-factory.js';
import type { SimKind, SimResponse, SimUser } from './types.js';
import type { SimWorld } from './world.js';

/** Types `POST /v1/session` launches (desktop-app is refused with a 400; the real server fails with a 500). */
export const CREATABLE_KINDS: readonly SimKind[] = ['notebook', 'desktop', 'carta', 'contributed', 'firefly', 'headless'];

/** The registry-auth message, with the two spaces after each period the server prints. */
export const NO_REGISTRY_AUTH =
  'No authentication provided for unknown or private image.  Use x-skaha-registry-auth request header with base64Encode(username:secret).';

/** Parses a number like Java's Double.parseDouble (surrounding whitespace, exponent, f/d suffix, NaN, Infinity). */
export function parseJavaDouble(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?NaN$/.test(t)) return NaN;
  if (/^[+-]?Infinity$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(t)) return undefined;
  return Number(t.replace(/[fFdD]$/, ''));
}

/** Java's `Double.intValue()`: truncation, NaN → 0, clamped to the int range. */
function intValue(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.trunc(value)));
}

/** Reads cores or ram: absent → undefined; the double's integer part must be an option, else the 400 text. */
export function resourceParam(params: Params, name: 'cores' | 'ram'): { value?: number; error?: string } {
  const raw = params.first(name);
  if (raw === undefined || raw.trim() === '') return {};
  const value = parseJavaDouble(raw);
  const options = name === 'cores' ? CORE_OPTIONS : RAM_OPTIONS;
  if (value === undefined || !options.includes(intValue(value))) return { error: `Invalid value for '${name}': ${raw}` };
  return { value };
}

/** Whether an `x-skaha-registry-auth` value decodes (base64) to `username:secret`. */
export function validRegistryAuth(header: string): boolean {
  const text = header.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return false;
  const parts = Buffer.from(text, 'base64').toString('utf8').split(':');
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '';
}

/** `POST /v1/session`: validates in the server's order with its exact 400 texts, then creates a Pending session. */
export function handleCreate(world: SimWorld, user: SimUser, params: Params, registryAuth: string | undefined): SimResponse {
  const bad = (message: string): SimResponse => textResponse(400, message);
  const { config, store } = world;
  const image = params.first('image');
  if (image === undefined) return bad("Missing parameter 'image'");
  if (image.trim() === '') return bad('image is required');
  if (!config.registryHosts.some((host) => image.startsWith(host))) {
    return bad(`session image '${image}' must come from one of [${config.registryHosts.join(', ')}]`);
  }
  const rawType = params.first('type') ?? '';
  const kind = (rawType.trim() === '' ? 'headless' : rawType.trim().toLowerCase()) as SimKind;
  if (!CREATABLE_KINDS.includes(kind)) return bad(`Invalid session type: ${rawType.trim()}`);
  const cores = resourceParam(params, 'cores');
  if (cores.error) return bad(cores.error);
  const ram = resourceParam(params, 'ram');
  if (ram.error) return bad(ram.error);
  const name = params.first('name');
  if (name === undefined || name.trim() === '') return bad("Missing parameter 'name'");
  if (!/^[A-Za-z0-9-]+$/.test(name)) return bad("name can only contain alpha-numeric chars and '-'");
  if (kind !== 'headless' && store.activeInteractiveCount(user.name) >= config.maxInteractiveSessions) {
    return bad(`User ${user.name} has reached the maximum of ${config.maxInteractiveSessions} active sessions.`);
  }
  const rawGpus = params.first('gpus');
  let gpus: number | undefined;
  if (rawGpus !== undefined && rawGpus.trim() !== '') {
    gpus = /^[+-]?\d+$/.test(rawGpus.trim()) ? Number(rawGpus.trim()) : NaN;
    if (!GPU_OPTIONS.includes(gpus)) return bad(`Invalid value for 'gpus': ${rawGpus}`);
  }
  if (!config.catalogue.some((img) => img.id === image)) {
    if (registryAuth === undefined) return bad(NO_REGISTRY_AUTH);
    if (!validRegistryAuth(registryAuth)) return bad('Invalid input.  Must be in form of username:secret');
  }
  const headless = kind === 'headless';
  const cmd = headless ? params.first('cmd') : undefined;
  const args = headless ? params.first('args') : undefined;
  const env = headless ? parseEnv(params.all('env')) : [];
  const replica = Number(env.find(([key]) => key === 'REPLICA_ID')?.[1]);
  const failing = world.faults.failJobs || commandFails(cmd, args) || (world.faults.failReplicas ?? []).includes(replica);
  const id = world.newSessionId();
  const session = buildSession(world, {
    id,
    user: user.name,
    kind,
    name: name.toLowerCase().slice(0, 63),
    image,
    resources: resolveResources(kind, { cores: cores.value, ramGiB: ram.value, gpus }, config.gpuEnabled),
    outcome: failing ? 'Failed' : 'Completed',
    cmd,
    args: args === undefined ? undefined : args.split(' '),
    env,
    ...launchSwitches(world, kind),
  });
  planSwitchedPreemption(world, session);
  store.add(session);
  return textResponse(200, id);
}
