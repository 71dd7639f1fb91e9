// Every sentence of `skaha-tui daemon start|stop|status|restart|install` and `skaha-tui doctor`, in one place.

import { PROGRAM } from '../../src/cli/text.js';
import { describeIdentity, type ConnectionIdentity } from '../../src/domain/connection-identity.js';

/** Usage lines of the daemon management commands and doctor. */
export const CONTROL_USAGE = {
  daemon: [
    `Usage: ${PROGRAM} daemon                  run the daemon in the foreground (for systemd/launchd)`,
    `       ${PROGRAM} daemon start            start it in the background`,
    `       ${PROGRAM} daemon stop             stop it`,
    `       ${PROGRAM} daemon restart          stop it, then start it`,
    `       ${PROGRAM} daemon status [--json]  is it running? (exit 0 running, 3 not running)`,
    `       ${PROGRAM} daemon install [--print] [--force]  write (or print) a systemd user unit / launchd agent`,
    `       ${PROGRAM} daemon uninstall        stop and disable the service, and remove what install wrote`,
    '',
    "The service does not get this shell's environment: install refuses when the service would connect with",
    'another server or credential than this shell (e.g. a token given only as SKAHA_TOKEN); --force installs anyway.',
  ].join('\n'),
  doctor: `Usage: ${PROGRAM} doctor [--json] [--url URL] [--token TOKEN] [--cert PATH]\n\nPrints every path, the credentials in use, whether Skaha answers, and the daemon's status.\nExits 1 when any check fails (FAIL), 0 otherwise (warnings do not count), 2 on a usage error.`,
} as const;

/** Messages of the daemon management commands. */
export const CONTROL_TEXT = {
  alreadyRunning: (pid: string, socket: string) => `${PROGRAM} daemon is already running (pid ${pid}, socket ${socket})`,
  started: (pid: string, log: string) => `${PROGRAM} daemon started (pid ${pid}), log: ${log}`,
  startFailed: 'the daemon did not start',
  logTail: (log: string) => `last lines of ${log}:`,
  logEmpty: (log: string) => `(${log} has nothing from this start)`,
  notRunning: `${PROGRAM} daemon is not running`,
  stopping: (pid: string) => `stopping ${PROGRAM} daemon (pid ${pid})…`,
  stopped: (pid: string) => `${PROGRAM} daemon stopped (pid ${pid})`,
  shutdownRefused: (message: string) => `the daemon did not accept the shutdown request (${message}); sending SIGTERM`,
  sigterm: (pid: number) => `sending SIGTERM to pid ${pid}`,
  notStopped: (pid: string, seconds: number) =>
    `the daemon (pid ${pid}) is still running after ${seconds} s — look at its log, or stop it with: kill -9 ${pid}`,
  liveWithoutPid: (socket: string) => `something answers on ${socket} but ignored the shutdown request and no pid file names it — stop it by hand`,
  foreignPid: (pid: number, file: string) =>
    `${file} names pid ${pid}, which is running but does not serve the daemon socket; not touching it (delete ${file} if it is not the daemon)`,
  removedStaleSocket: (file: string) => `removed the stale socket ${file} left by a daemon that is gone`,
  removedStalePid: (file: string, pid: number) => `removed the stale pid file ${file} (pid ${pid} is gone)`,
  restartStopFailed: 'restart: the daemon could not be stopped, so it was not started again',
  unknownSubcommand: (name: string) => `unknown daemon command '${name}' (choose from start, stop, restart, status, install, uninstall)`,
  unknownOption: (flag: string, command: string) => `unknown option '${flag}' for '${command}'`,
  tooManyArguments: (extra: string) => `unexpected argument '${extra}'`,
  missingValue: (flag: string) => `option '${flag}' needs a value`,
  installUnsupported: (platform: string) =>
    `daemon install knows systemd (Linux) and launchd (macOS), not ${platform}: run \`${PROGRAM} daemon\` from your own service manager`,
  installWrote: (file: string) => `wrote ${file}`,
  installUnchanged: (file: string) => `${file} is already up to date`,
  installEnable: 'enable it with:',
  installPrintNote: (file: string) => `# save this as ${file}, then enable it with:`,
  installConnectionDiffers: (mine: ConnectionIdentity | null, service: ConnectionIdentity | null, configFile: string) =>
    [
      "the service would not connect the way this shell does: a service gets nothing from this shell's environment",
      `(SKAHA_TOKEN, SKAHA_URL, SKAHA_CERT and the CANFAR_ ones are dropped).`,
      `  this shell:  ${describeIdentity(mine)}`,
      `  the service: ${describeIdentity(service)}`,
      'Give the service the same connection, then run install again:',
      `  - put the token in a file only you can read (chmod 600) and name it in ${configFile}:`,
      '      {"url": "https://…/skaha", "tokenFile": "~/.config/skaha-tui/token"}',
      '  - or log in with the official client (canfar login): both then read ~/.canfar/config.yaml;',
      '  - or, for a certificate, name it in the config ("certificate": "~/.ssl/cadcproxy.pem").',
    ].join('\n'),
  installNoCredentials: 'note: no credentials are set up yet; the service will use them once you log in (canfar login) or name them in the config',
  installForced: 'installing anyway (--force): the service will use the connection shown for it above',
  uninstallNothing: (file: string) => `nothing to uninstall: ${file} does not exist`,
  uninstallRan: (command: string) => `ran: ${command}`,
  uninstallRanFailed: (command: string, why: string) => `${command}: ${why} (it was probably not running)`,
  uninstallRemoved: (file: string) => `removed ${file}`,
  installBinMissing: (bin: string) => `warning: ${bin} does not exist yet — run \`npm run build\` (the service runs the built binary)`,
} as const;

/** Labels of `daemon status` and the daemon part of `doctor`. */
export const STATUS_LABELS = {
  running: `${PROGRAM} daemon is running`,
  runningUnreachable: `${PROGRAM} daemon is running, but this client cannot talk to it`,
  notRunning: `${PROGRAM} daemon is not running`,
  untrusted: `${PROGRAM} daemon socket cannot be trusted: nothing was sent to it (see the socket line)`,
  startHint: `start it with \`${PROGRAM} daemon start\``,
  pid: 'pid',
  socket: 'socket',
  pidFile: 'pid file',
  log: 'log',
  version: 'version',
  health: 'health',
  sessions: 'sessions',
  lastPoll: 'last poll',
  problem: 'problem',
  notice: 'notice',
  leftover: 'leftover',
  staleSocket: 'stale socket file (its daemon is gone)',
  stalePid: (pid: number) => `stale pid file (pid ${pid} is gone)`,
  versions: (daemon: string, protocol: number) => `daemon ${daemon}, protocol ${protocol}`,
  healthLine: (state: string, since: string) => `${state}${since ? ` since ${since}` : ''}`,
  lastError: (code: string, message: string) => `last error ${code}: ${message}`,
  staleData: 'stale: not from a successful poll yet',
  never: 'never',
  ago: (age: string) => `${age} ago`,
  unknown: 'unknown',
} as const;

/** Section titles and lines of `doctor`. */
export const DOCTOR_TEXT = {
  title: `${PROGRAM} doctor`,
  paths: 'Paths',
  credentials: 'Credentials',
  server: 'Server',
  daemon: 'Daemon',
  exists: 'exists',
  missing: 'not there yet',
  configMissing: 'not there (defaults in use)',
  tokenFileMissing: 'not there (created when the daemon listens on TCP)',
  badMode: (mode: string, want: string) => `mode ${mode}, should be ${want}`,
  notAFolder: 'exists but is not a folder',
  socketLive: 'a daemon answers',
  socketStale: 'stale: left by a daemon that is gone',
  socketAbsent: 'no socket (no daemon running)',
  pidAlive: (pid: number) => `pid ${pid} is running`,
  pidDead: (pid: number) => `stale: pid ${pid} is gone`,
  pidMissing: 'no pid file (no daemon running)',
  size: (bytes: number) => `exists, ${bytes} bytes`,
  noCredential: 'no credentials found — pass --token or --cert, set SKAHA_TOKEN or SKAHA_CERT, or create ~/.ssl/cadcproxy.pem',
  credentialExpired: (summary: string) => `${summary} — renew it (cadc-get-cert, or canfar login)`,
  credentialProblem: (message: string) => `cannot use the credentials: ${message}`,
  secretPrivate: (holds: string) => `holds ${holds}; only you can read it`,
  secretReadable: (holds: string, mode: string, file: string) =>
    `holds ${holds} and others can read it (mode ${mode}) — run: chmod 600 ${JSON.stringify(file)}`,
  url: (url: string, source: string) => `server URL ${url} (${source})`,
  available: (ms: number, note: string | null) => `Skaha answers: available (${ms} ms)${note ? `: ${note}` : ''}`,
  unavailable: (note: string | null) => `Skaha answers but says it is not available${note ? `: ${note}` : ''}`,
  unreachable: (message: string) => `Skaha does not answer: ${message}`,
  sessions: (count: number) => `your sessions: ${count} listed`,
  sessionsFailed: (message: string) => `listing your sessions failed: ${message}`,
  sessionsSkipped: 'session list skipped (no credentials)',
  skipped: 'skipped',
} as const;
