import type { SimulatorOptions } from './config.js';
import { applyFaultFlag, FAULT_FLAG_HELP } from './fault-flags.js';
import { hexFrom } from './random.js';
import type { SimFaults } from './fault-types.js';
import { STORAGE_SERVICES, type StorageService } from './storage-settings.js';

/** What `skaha-tui sim` was asked to do. */
export interface SimCliArgs {
  help: boolean;
  seedDemo: boolean;
  /** Print each request to stderr. */
  verbose: boolean;
  /** Where to write a canfar config holding a fresh OIDC login (never over an existing file). */
  canfarConfig?: string;
  options: SimulatorOptions;
}

/** The `skaha-tui sim --help` text. */
export const SIM_USAGE = `Usage: skaha-tui sim [options]

Runs a local Skaha v1 simulator (sessions move Pending → Running → … on the clock).

Options:
  --port P              port to listen on (default 0: a free port)
  --host H              interface to listen on (default 127.0.0.1)
  --speed X             time factor: lifecycle durations are divided by X (default 1)
  --seed N              seed for ids, names, usage, logs and tokens (default random)
  --max-sessions N      interactive sessions per user (default 3)
  --headless-seconds S  how long a headless job runs, simulated seconds (default 60)
  --user NAME[=TOKEN]   add a user (repeatable; default alice and bob)
  --sessions-host H     host used in connectURL
  --no-gpu              accept but do not apply gpus
  --fault SPEC          inject a fault (repeatable), one of:
${FAULT_FLAG_HELP.map((line) => `                          ${line}`).join('\n')}
  --storage-used GIB     home storage every user's node reports as used (default 37.5)
  --storage-quota GIB    the quota it reports (default 100)
  --storage-service S    arc (default), cavern, or none (no storage service on the host)
  --oidc-access-seconds S  lifetime of the identity provider's access tokens (default 300)
  --oidc-login-seconds S   how long a login's refresh tokens are accepted (default 86400)
  --canfar-config FILE  write a canfar config (as \`canfar login\` does) with a fresh login of the
                        first user, for skaha-tui or the official client; FILE must not exist
  --seed-demo           pre-create the demo's sessions: every state, queued jobs, troubles, renews
  -v, --verbose         print each request to stderr
  -h, --help            show this help

Endpoint keys: session (all of the below), session.list, session.stats, session.create, session.get,
session.logs, session.events, session.renew, session.delete, session.app, image, context, repository, *.

While it runs, the admin API (URL and token printed at start) changes faults and switches
(GET, PUT, PATCH or POST /_sim/faults), schedules them (/_sim/faults/schedule), seeds sessions
(POST /_sim/sessions), preempts one (POST /_sim/sessions/ID/preempt), changes the interactive cap
(PATCH /_sim/settings) and moves the clock (POST /_sim/clock). Every route, its body and a curl
example: docs/simulator.md (in the package: node_modules/skaha-tui/docs/simulator.md).`;

const VALUE_FLAGS = [
  '--port',
  '--host',
  '--speed',
  '--seed',
  '--max-sessions',
  '--headless-seconds',
  '--user',
  '--sessions-host',
  '--fault',
  '--oidc-access-seconds',
  '--oidc-login-seconds',
  '--canfar-config',
  '--storage-used',
  '--storage-quota',
  '--storage-service',
];

function gib(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new RangeError(`${flag} needs a number of GiB >= 0, got "${text}"`);
  return n;
}

function integer(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || n < min || n > max) throw new RangeError(`${flag} needs an integer from ${min} to ${max}, got "${text}"`);
  return n;
}

/** Parses `skaha-tui sim` arguments (with or without a leading `sim`); throws a RangeError for bad usage. */
export function parseSimArgs(argv: string[]): SimCliArgs {
  const args = argv[0] === 'sim' ? argv.slice(1) : [...argv];
  const out: SimCliArgs = { help: false, seedDemo: false, verbose: false, options: {} };
  const options = out.options;
  const users: Array<[string, string | undefined]> = [];
  let faults: SimFaults = {};
  for (let i = 0; i < args.length; i++) {
    let flag = args[i];
    let value: string | undefined;
    if (flag.startsWith('--') && flag.includes('=')) [flag, value] = [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)];
    if (VALUE_FLAGS.includes(flag) && value === undefined) {
      value = args[++i];
      if (value === undefined) throw new RangeError(`${flag} needs a value`);
    }
    const v = value ?? '';
    switch (flag) {
      case '-h':
      case '--help':
        out.help = true;
        break;
      case '--seed-demo':
        out.seedDemo = true;
        break;
      case '-v':
      case '--verbose':
        out.verbose = true;
        break;
      case '--no-gpu':
        options.gpuEnabled = false;
        break;
      case '--port':
        options.port = integer(flag, v, 0, 65535);
        break;
      case '--host':
        options.host = v;
        break;
      case '--speed': {
        const speed = Number(v);
        if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`--speed needs a positive number, got "${v}"`);
        options.speed = speed;
        break;
      }
      case '--seed':
        options.seed = integer(flag, v, 0, 2 ** 31 - 1);
        break;
      case '--max-sessions':
        options.maxInteractiveSessions = integer(flag, v, 0, 1000);
        break;
      case '--headless-seconds':
        options.headlessRunSeconds = integer(flag, v, 1);
        break;
      case '--sessions-host':
        options.sessionsHost = v;
        break;
      case '--user': {
        const [name, token] = v.includes('=') ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v, undefined];
        if (!/^[a-z][a-z0-9_-]*$/i.test(name)) throw new RangeError(`--user needs NAME or NAME=TOKEN, got "${v}"`);
        users.push([name, token || undefined]);
        break;
      }
      case '--fault':
        faults = applyFaultFlag(faults, v);
        break;
      case '--oidc-access-seconds':
        options.oidc = { ...options.oidc, accessLifetimeSec: integer(flag, v, 1, 400 * 86400) };
        break;
      case '--oidc-login-seconds':
        options.oidc = { ...options.oidc, refreshLifetimeSec: integer(flag, v, 1, 400 * 86400) };
        break;
      case '--storage-used':
        options.storage = { ...options.storage, usedGiB: gib(flag, v) };
        break;
      case '--storage-quota':
        options.storage = { ...options.storage, quotaGiB: gib(flag, v) };
        break;
      case '--storage-service':
        if (!(STORAGE_SERVICES as readonly string[]).includes(v))
          throw new RangeError(`--storage-service needs one of ${STORAGE_SERVICES.join(', ')}, got "${v}"`);
        options.storage = { ...options.storage, service: v as StorageService };
        break;
      case '--canfar-config':
        if (v.trim() === '') throw new RangeError('--canfar-config needs a file path');
        out.canfarConfig = v;
        break;
      default:
        throw new RangeError(`unknown option "${args[i]}"`);
    }
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  if (users.length > 0) {
    const seedForTokens = options.seed ?? Math.floor(Math.random() * 2 ** 31);
    options.seed = seedForTokens;
    options.users = Object.fromEntries(users.map(([name, token]) => [token ?? `sim-${name}-${hexFrom(16, seedForTokens, 'token', name)}`, name]));
  }
  return out;
}
