// Every user-facing sentence of the CLI, in one place, worded like the official `canfar` CLI where it has one.

/** The program name as users type it. */
export const PROGRAM = 'skaha-tui';

/** Short descriptions of every command, in the order help lists them. */
export const SUMMARY: Record<string, string> = {
  ps: 'Show sessions (default: just Pending and Running).',
  info: 'Get detailed information about one or more sessions.',
  launch: 'Launch a new session.',
  delete: 'Delete sessions by ID.',
  renew: 'Renew interactive sessions by ID (moves their expiry later).',
  logs: "Print a session's logs.",
  events: "Print a session's Kubernetes events.",
  stats: 'Display platform-wide CPU and RAM allocation.',
  images: 'List the container images you can launch.',
  context: 'Show the cores, RAM and GPU options the server accepts.',
  sim: 'Run the Skaha simulator (a local fake server for trying things out).',
  demo: 'Start a simulator and print how to point the CLI at it.',
  daemon: 'Run the background daemon (not available yet in this version).',
  help: 'Show help for a command.',
  version: 'Print the version.',
};

/** Help text for each option, by "command.option" or, when shared, by option name. */
export const OPTION_HELP: Record<string, string> = {
  url: 'Skaha service URL (env SKAHA_URL).',
  token: 'Bearer token (env SKAHA_TOKEN).',
  cert: 'X.509 proxy certificate, chain and key in one PEM (env SKAHA_CERT; default ~/.ssl/cadcproxy.pem).',
  help: 'Show help.',
  version: 'Print the version.',
  json: 'Print JSON on stdout (errors as JSON on stderr).',
  'ps.all': 'Show all sessions (default shows just Pending and Running).',
  'ps.kind': 'Filter by session kind.',
  'ps.status': 'Filter by session status (shows that status even without --all).',
  'ps.quiet': 'Only show session IDs.',
  'launch.name': 'Name of the session (default: a random scientist surname).',
  'launch.cores': 'Number of CPU cores (default: flexible).',
  'launch.ram': 'Amount of RAM in GB (default: flexible).',
  'launch.gpus': 'Number of GPUs.',
  'launch.env': 'Set an environment variable (headless only; repeatable).',
  'launch.replicas': 'Number of replicas to create (headless only; default 1).',
  'delete.force': 'Force deletion without confirmation.',
  'images.kind': 'Only images of this kind.',
};

/** Usage lines, per command. */
export const USAGE: Record<string, string> = {
  ps: 'ps [--all] [--kind KIND] [--status STATUS] [--quiet] [--json]',
  info: 'info ID... [--json]',
  launch:
    'launch KIND IMAGE [--name N] [--cores C] [--ram GB] [--gpus G] [--env K=V]... [--replicas R] [--json] [-- CMD [ARGS]...]',
  delete: 'delete ID... [--force]',
  renew: 'renew ID...',
  logs: 'logs ID',
  events: 'events ID [--json]',
  stats: 'stats [--json]',
  images: 'images [--kind KIND] [--json]',
  context: 'context [--json]',
  sim: 'sim [--port P] [--speed X] [--seed N] ...  (see: skaha-tui sim --help)',
  demo: 'demo',
  daemon: 'daemon',
  help: 'help [COMMAND]',
  version: 'version',
};

/** Examples, per command. */
export const EXAMPLES: Record<string, string[]> = {
  ps: ['skaha-tui ps', 'skaha-tui ps --all --kind headless --json'],
  info: ['skaha-tui info abcd1234 efgh5678'],
  launch: [
    'skaha-tui launch notebook skaha/astroml:latest',
    'skaha-tui launch notebook images.canfar.net/skaha/astroml:latest --name mynb --cores 2 --ram 8',
    'skaha-tui launch headless skaha/terminal:1.1.1 --replicas 3 --env MODE=fast -- python3 /arc/home/me/job.py --fast',
  ],
  delete: ['skaha-tui delete abcd1234', 'skaha-tui delete --force abcd1234 efgh5678'],
  renew: ['skaha-tui renew abcd1234'],
  logs: ['skaha-tui logs abcd1234'],
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
  exitCodes: 'Exit codes: 0 ok, 1 the operation failed, 2 usage error.',
  credentials: 'Credentials: --token/--cert, else SKAHA_TOKEN/SKAHA_CERT (or CANFAR_*), else ~/.canfar/config.yaml.',
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
  notYet: (what: string) => `${PROGRAM}: the ${what} is not available yet in this version.`,
  unexpected: (message: string) => `${PROGRAM}: unexpected error: ${message}`,
  version: (version: string) => `${PROGRAM} ${version}`,
  notYetHint: `Try '${PROGRAM} --help' for what works today, or '${PROGRAM} demo' to start a simulator.`,
  demoStarted: (url: string) => `Skaha simulator running at ${url}`,
  demoPointCli: 'Point the CLI at it (in another terminal):',
  demoTryIt: 'Then try:',
  demoStop: 'Press Ctrl-C to stop.',
  demoStopped: 'Simulator stopped.',
} as const;

/** Column headers and field labels of the human views. */
export const LABELS = {
  sessionColumns: ['SESSION ID', 'NAME', 'KIND', 'STATUS', 'IMAGE', 'CREATED', 'EXPIRES', 'CPU', 'RAM'],
  confirmColumns: ['SESSION ID', 'NAME', 'KIND', 'STATUS'],
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
