// Every user-facing sentence of the CLI, in one place, worded like the official `canfar` CLI where it has one.

/** The program name as users type it. */
export const PROGRAM = 'skaha-tui';

/** Short descriptions of every command, in the order help lists them. */
export const SUMMARY: Record<string, string> = {
  ps: 'Show sessions (default: just Pending and Running).',
  info: 'Get detailed information about one or more sessions.',
  launch: 'Launch a new session.',
  delete: 'Delete sessions by ID.',
  prune: 'Delete sessions whose names match a prefix or a regex (default: Completed headless jobs).',
  renew: 'Renew interactive sessions by ID (moves their expiry later).',
  open: "Open a session in your browser (with --wait, as soon as it runs).",
  logs: "Print a session's logs (with --follow, keep printing new lines).",
  watch: 'Print session and platform events as they happen (needs the daemon; starts it).',
  events: "Print a session's Kubernetes events.",
  stats: 'Display platform-wide CPU and RAM allocation.',
  images: 'List the container images you can launch.',
  context: 'Show the cores, RAM and GPU options the server accepts.',
  sim: 'Run the Skaha simulator (a local fake server for trying things out).',
  demo: 'Try the dashboard on a seeded simulator with its own daemon (what npm start runs).',
  daemon: 'Run the background daemon, or manage it: daemon start|stop|restart|status|install.',
  doctor: 'Check paths, credentials, the server and the daemon.',
  completion: 'Print a shell completion script for bash, zsh or fish (completion --help says how to install it).',
  help: 'Show help for a command.',
  version: 'Print the versions of skaha-tui, Node, the protocol and the running daemon.',
};

/** Help text for each option, by "command.option" or, when shared, by option name. */
export const OPTION_HELP: Record<string, string> = {
  url: 'Skaha service URL (env SKAHA_URL).',
  token: 'Bearer token (env SKAHA_TOKEN).',
  cert: 'X.509 proxy certificate, chain and key in one PEM (env SKAHA_CERT; default ~/.ssl/cadcproxy.pem).',
  help: 'Show help.',
  version: 'Print the version.',
  json: 'Print JSON on stdout (errors as JSON on stderr).',
  'log-level': 'Diagnostics on stderr from this level up (default warn).',
  verbose: 'More diagnostics on stderr: -v info, -vv debug.',
  'no-daemon': 'Talk to Skaha directly even when the skaha-tui daemon runs.',
  'ps.all': 'Show all sessions (default shows just Pending and Running).',
  'ps.kind': 'Filter by session kind.',
  'ps.status': 'Filter by session status (shows that status even without --all).',
  'ps.quiet': 'Only show session IDs.',
  'ps.all-users': "Show every user's sessions (user, kind, status and start only), asked from Skaha directly.",
  'launch.name': 'Name of the session (default: a random scientist surname).',
  'launch.cores': 'Number of CPU cores (default: flexible).',
  'launch.ram': 'Amount of RAM in GB (default: flexible).',
  'launch.gpus': 'Number of GPUs.',
  'launch.env': 'Set an environment variable (headless only; repeatable).',
  'launch.replicas': 'Number of replicas to create (headless only; default 1).',
  'launch.wait': 'Wait until interactive sessions run and headless jobs finish, then print their URLs and statuses.',
  'prune.kind': 'Only sessions of this kind (default headless).',
  'prune.status': 'Only sessions with this status (default Completed; current servers never report Succeeded).',
  'prune.force': 'Delete without asking (required without a terminal).',
  'open.wait': 'Wait for a Pending session to run, showing its progress, then open it.',
  'logs.follow': 'Keep printing new lines as they are written, until Ctrl-C (through the daemon, started if needed).',
  'delete.force': 'Force deletion without confirmation.',
  'images.kind': 'Only images of this kind.',
};

/** Usage lines, per command. */
export const USAGE: Record<string, string> = {
  ps: 'ps [--all] [--kind KIND] [--status STATUS] [--quiet] [--all-users] [--json]',
  info: 'info ID... [--json]',
  launch:
    'launch KIND IMAGE [--name N] [--cores C] [--ram GB] [--gpus G] [--env K=V]... [--replicas R] [--wait] [--json] [-- CMD [ARGS]...]',
  delete: 'delete ID... [--force]',
  prune: 'prune PATTERN [--kind KIND] [--status STATUS] [--force] [--json]',
  open: 'open ID [--wait]',
  watch: 'watch [--json]',
  renew: 'renew ID...',
  logs: 'logs ID [--follow]',
  events: 'events ID [--json]',
  stats: 'stats [--json]',
  images: 'images [--kind KIND] [--json]',
  context: 'context [--json]',
  sim: 'sim [--port P] [--speed X] [--seed N] ...  (see: skaha-tui sim --help)',
  demo: 'demo [--speed X] [--seed N]',
  daemon: 'daemon [start|stop|restart|status|install [--print]]  (see: skaha-tui daemon --help)',
  doctor: 'doctor [--json]',
  completion: 'completion bash|zsh|fish',
  help: 'help [COMMAND]',
  version: 'version',
};

/** Examples, per command. */
export const EXAMPLES: Record<string, string[]> = {
  ps: ['skaha-tui ps', 'skaha-tui ps --all --kind headless --json', 'skaha-tui ps --all-users'],
  info: ['skaha-tui info abcd1234 efgh5678'],
  launch: [
    'skaha-tui launch notebook skaha/astroml:latest',
    'skaha-tui launch notebook images.canfar.net/skaha/astroml:latest --name mynb --cores 2 --ram 8',
    'skaha-tui launch headless skaha/terminal:1.1.1 --replicas 3 --env MODE=fast -- python3 /arc/home/me/job.py --fast',
    'skaha-tui launch notebook skaha/astroml --name mynb --wait',
  ],
  prune: [
    'skaha-tui prune reduce            # Completed headless jobs whose names start with "reduce"',
    "skaha-tui prune 'fit-[0-9]+' --status Failed --force",
    'skaha-tui prune calib --kind notebook --status Failed --json --force',
  ],
  open: ['skaha-tui open abcd1234', 'skaha-tui open abcd1234 --wait'],
  watch: ['skaha-tui watch', 'skaha-tui watch --json | jq -c .'],
  delete: ['skaha-tui delete abcd1234', 'skaha-tui delete --force abcd1234 efgh5678'],
  renew: ['skaha-tui renew abcd1234'],
  logs: ['skaha-tui logs abcd1234', 'skaha-tui logs abcd1234 --follow'],
  events: ['skaha-tui events abcd1234 --json'],
  stats: ['skaha-tui stats'],
  images: ['skaha-tui images --kind notebook'],
  context: ['skaha-tui context --json'],
  demo: ['npm start'],
};

/** Command aliases shown in help. */
export const ALIAS_NOTE = (aliases: readonly string[]) => `Aliases: ${aliases.join(', ')}`;

/** Section titles and fixed lines of the help screens. */
export const HELP = {
  intro: 'Watch, launch and manage CANFAR Science Platform (Skaha) sessions from a terminal.',
  usage: `Usage: ${PROGRAM} <command> [options]`,
  commandUsage: (usage: string) => `Usage: ${PROGRAM} ${usage}`,
  commands: 'Commands:',
  options: 'Options:',
  globalOptions: 'Global options (anywhere on the line):',
  examples: 'Examples:',
  more: `Run '${PROGRAM} help COMMAND' for a command's options.`,
  exitCodes: 'Exit codes: 0 ok, 1 the operation failed, 2 a usage or validation error (nothing was sent), 3 no daemon runs (daemon status), 130 interrupted.',
  credentials: 'Credentials: --token/--cert, else SKAHA_TOKEN/SKAHA_CERT (or CANFAR_*), else ~/.canfar/config.yaml.',
  daemon: 'When the skaha-tui daemon runs, ps, info and stats answer from its cache, and launch, delete, renew and prune go through it.',
} as const;

/** Usage-error messages (exit 2). */
export const USAGE_ERRORS = {
  unknownCommand: (name: string) => `unknown command '${name}'`,
  missingCommand: 'missing command',
  unknownOption: (flag: string, command: string) => `unknown option '${flag}' for '${command}'`,
  optionBeforeCommand: (flag: string) => `option '${flag}' must come after the command`,
  missingValue: (flag: string) => `option '${flag}' needs a value`,
  notANumber: (flag: string, value: string) => `option '${flag}' expects a number, got '${value}'`,
  noValueAllowed: (flag: string) => `option '${flag}' takes no value`,
  badChoice: (flag: string, value: string, choices: readonly string[]) =>
    `invalid value '${value}' for '${flag}' (choose from ${choices.join(', ')})`,
  missingArgument: (name: string) => `missing argument ${name}`,
  tooManyArguments: (extra: readonly string[]) => `unexpected argument${extra.length > 1 ? 's' : ''} ${extra.map((a) => `'${a}'`).join(' ')}`,
  noDoubleDash: (command: string) => `'--' is only allowed with launch (not '${command}')`,
  forceWithoutTerminal: 'delete asks for confirmation, but no terminal is attached: add --force to delete without asking',
  pruneWithoutTerminal: 'prune asks for confirmation, but no terminal is attached: add --force to delete without asking',
  badPattern: (pattern: string, reason: string) => `invalid pattern '${pattern}': ${reason}`,
  quietAllUsers: "--quiet does not apply to --all-users: other users' sessions have no IDs",
  watchNeedsDaemon: 'watch needs the skaha-tui daemon: drop --no-daemon',
  pointer: (command?: string) => `Run '${PROGRAM} ${command ? `${command} --help` : '--help'}' for usage.`,
} as const;

/** Messages of the commands themselves. */
export const MESSAGES = {
  errorPrefix: 'error: ',
  warningPrefix: 'warning: ',
  noActiveSessions: 'No pending or running sessions found.',
  useAll: 'Use --all to show all sessions.',
  noSessions: 'No sessions found.',
  noEvents: (id: string) => `No events found for session ${id}.`,
  noImages: 'No images found.',
  emptyLogs: (id: string) => `No logs for session ${id} yet.`,
  logsTruncated: 'note: the log was too large; only its end is shown.',
  created: (name: string, id: string) => `Successfully created session '${name}' (ID: ${id})`,
  launchFailed: (name: string, message: string) => `failed to create session '${name}': ${message}`,
  confirmList: (count: number) => `About to delete ${count} session(s):`,
  confirmQuestion: (count: number) => `Confirm deletion of ${count} session(s)? [y/N] `,
  unknownSession: 'not found (nothing to delete)',
  aborted: 'Aborted: nothing was deleted.',
  deleted: (id: string) => `Deleted session ${id}.`,
  deletedSummary: (ok: number, total: number) => `Successfully deleted ${ok} of ${total} session(s).`,
  renewed: (id: string, expiry: string) => `Renewed session ${id}${expiry ? `: expires ${expiry}` : ''}.`,
  renewedSummary: (ok: number, total: number) => `Successfully renewed ${ok} of ${total} session(s).`,
  failedFor: (id: string, message: string) => `${id}: ${message}`,
  statsNote: 'Allocated is what sessions requested; capacity is the whole cluster.',
  staleCache: (age: string, reason: string) => `showing the daemon's cached data from ${age} ago (${reason})`,
  staleReason: (state: string) => (state === 'down' ? 'the platform is down' : state === 'refused' ? 'Skaha refuses the credentials' : 'not refreshed yet'),
  notFound: (id: string) => `session ${id} not found (it is not one of your sessions, or it is gone)`,
  logsReset: '--- the log started over (the container restarted, or the platform cut its start); printing it again ---',
  logsSessionGone: (id: string) => `session ${id} is gone: no more logs.`,
  followDirect: (reason: string) => `${reason}; polling Skaha directly every 2 s instead`,
  logFetchFailed: (message: string) => `could not fetch the logs (retrying): ${message}`,
  pruneNothing: (pattern: string, kind: string, status: string) => `No ${status} ${kind} sessions match '${pattern}'.`,
  noUrl: (id: string, kind: string) => `session ${id} is a ${kind} session: it has no URL to open`,
  notRunningUseWait: (id: string, status: string) => `session ${id} is ${status}: add --wait to open it once it runs`,
  notOpenable: (id: string, status: string) => `session ${id} is ${status}: there is nothing to open`,
  opened: (id: string, url: string) => `Opened session ${id} in your browser: ${url}`,
  noBrowser: 'no browser could be opened (set BROWSER to the command to use); open this URL yourself:',
  waitOne: (name: string, id: string, status: string, elapsed: string, event: string | null) =>
    `${name} (${id}): ${status}, ${elapsed}${event ? ` — ${event}` : ''}`,
  waitMany: (count: number, tally: string, elapsed: string) => `${count} sessions: ${tally} (${elapsed})`,
  waitUnseen: 'not listed yet',
  waitStopped: 'Stopped waiting; the sessions keep going.',
  ready: (name: string, id: string, url: string) => `Session '${name}' (${id}) is running: ${url}`,
  runningNoUrl: (name: string, id: string) => `Session '${name}' (${id}) is running.`,
  jobFinished: (name: string, id: string, status: string) => `Job '${name}' (${id}) finished: ${status}`,
  endedAs: (name: string, id: string, status: string) => `session '${name}' (${id}) did not run: it is ${status}`,
  gone: 'gone',
  watching: 'Watching events from the skaha-tui daemon; press Ctrl-C to stop.',
  daemonLost: (message: string) => `lost the connection to the skaha-tui daemon: ${message}`,
  daemonOtherConnection: (daemon: string, command: string) =>
    `the running skaha-tui daemon uses ${daemon}, this command ${command} — restart it with this connection (skaha-tui daemon restart), or run the command without the daemon (--no-daemon)`,
  unexpected: (message: string) => `${PROGRAM}: unexpected error: ${message}`,
  version: (version: string) => `${PROGRAM} ${version}`,
  daemonVersionLine: (daemon: { version: string | null; protocol: number; compatible: boolean } | null) =>
    daemon === null
      ? 'not running'
      : daemon.compatible
        ? `${daemon.version ?? 'unknown'} (running)`
        : `running, but it speaks protocol ${daemon.protocol}: restart it with the installed version (skaha-tui daemon restart)`,
  demoStarted: (url: string) => `Skaha simulator running at ${url}`,
  demoPointCli: 'Point the CLI at it (in another terminal):',
  demoTryIt: 'Then try:',
  demoStop: 'Press Ctrl-C to stop.',
  demoStopped: 'Simulator stopped.',
} as const;

/** Diagnostic messages (shown with -v or --log-level info/debug). */
export const DIAGNOSTICS = {
  flagsNoDaemon: 'connection flags given: not using the daemon (it has its own connection)',
  optedOut: '--no-daemon given: not using the daemon',
  noDaemon: 'no skaha-tui daemon is running',
  daemonUnusable: 'the skaha-tui daemon could not be used',
  daemonStarted: 'started the skaha-tui daemon',
  daemonRunning: 'using the running skaha-tui daemon',
  otherConnection: 'the running skaha-tui daemon uses another server or credential than this command: asking Skaha directly',
  fromCache: 'answering from the daemon cache',
  notPolledYet: 'the daemon has not polled Skaha yet: asking Skaha directly',
  direct: 'asking Skaha directly',
  throughDaemon: 'going through the daemon',
  notInCache: 'not in the daemon cache: asking Skaha directly',
  watching: 'watching events',
  openFailed: 'could not open a browser',
} as const;

/** Column headers and field labels of the human views. */
export const LABELS = {
  sessionColumns: ['SESSION ID', 'NAME', 'KIND', 'STATUS', 'IMAGE', 'CREATED', 'EXPIRES', 'CPU', 'RAM'],
  confirmColumns: ['SESSION ID', 'NAME', 'KIND', 'STATUS'],
  allUsersColumns: ['USER', 'KIND', 'STATUS', 'STARTED'],
  eventColumns: ['TYPE', 'REASON', 'MESSAGE', 'FIRST-SEEN', 'LAST-SEEN'],
  imageColumns: ['IMAGE', 'KINDS', 'DIGEST'],
  statsColumns: ['', 'ALLOCATED', 'CAPACITY', 'USED', 'MAX PER SESSION'],
  contextColumns: ['', 'OPTIONS', 'DEFAULT', 'FLEXIBLE REQUEST', 'FLEXIBLE LIMIT'],
  cpu: 'CPU',
  ram: 'RAM',
  gpus: 'GPUs',
  maxInteractive: 'Maximum interactive sessions',
  info: {
    id: 'Session ID',
    name: 'Name',
    status: 'Status',
    kind: 'Kind',
    image: 'Image',
    user: 'User',
    started: 'Start Time',
    expires: 'Expiry Time',
    url: 'Connect URL',
    resources: 'Resources',
    cpu: 'CPU Usage',
    ram: 'RAM Usage',
    gpus: 'GPUs',
  },
  fixed: 'fixed',
  flexible: 'flexible',
  unknown: 'unknown',
  ago: (age: string) => `${age} ago`,
  inTime: (left: string) => (left === 'expired' ? 'expired' : `in ${left}`),
} as const;
