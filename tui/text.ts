// Every user-facing string of the dashboard, in one place (titles, empty states, prompts, flashes, help).

import { agree, plural } from '../src/domain/plural.js';

/** Pane titles. */
export const TITLES = {
  sessions: 'Sessions',
  resources: 'Resources',
  details: 'Details',
  events: 'Events',
  logs: 'Logs',
  help: 'Keys',
  launch: 'Launch a session',
  confirmDelete: 'Delete',
  confirmRenew: 'Renew',
  restartDaemon: 'Restart the daemon',
  openUrl: 'Open in the browser',
  apps: 'Apps',
  export: 'Export the table',
  usage: (days: number) => `Usage, last ${days} days`,
} as const;

/** The dialog shown when no browser could open a session's URL. */
export const URL_DIALOG = {
  noBrowser: 'No browser could be opened here (over SSH there is none; set BROWSER to the command to use).',
  copied: (name: string) => `The URL of ${name} was copied to the clipboard with OSC 52 (if your terminal allows it). Open it yourself:`,
  keys: '[Esc] or [Enter] close   [y] copy again',
} as const;

/** Column headers of the sessions table (age and expiry named as in the CLI's `ps`). */
export const COLUMNS = {
  id: 'ID',
  name: 'NAME',
  kind: 'KIND',
  status: 'STATUS',
  age: 'AGE',
  expires: 'EXPIRES',
  cpu: 'CPU',
  ram: 'RAM GiB',
  reason: 'WHY',
  image: 'IMAGE',
} as const;

/** Words of the usage dialog (U). */
export const USAGE_VIEW = {
  loading: 'Asking the daemon…',
  failed: (message: string) => `Could not get the usage from the daemon: ${message}`,
  total: (sessions: number, figures: string) => `${sessions} session${sessions === 1 ? '' : 's'}: ${figures}`,
  figures: (coreAsked: string, coreUsed: string, share: string, gib: string, gpu: string) =>
    `${coreAsked} core-h asked, ${coreUsed} used${share}  ${gib} GiB-h  ${gpu} GPU-h`,
  legend: 'Bars: core-hours asked (green: the part used).',
  byKind: 'By kind',
  byDay: 'By day',
  nothing: 'Nothing counted in this window: the daemon counts Running sessions while it runs.',
  method:
    "Counted from the daemon's polls: each sample of a Running session stands for the time since the one before it (at most 10 minutes); flexible sessions count their use. The same figures: skaha-tui usage --since 30d --by day.",
  keys: (days: number) => `w: last ${days === 7 ? 30 : 7} days   R: again   j/k: scroll   Esc: close`,
} as const;

/** The WHY cell's own words (the daemon's answers are in src/cli/answer-text.ts). */
export const REASON = {
  idle: (idleFor: string, used: string, requested: string | null) =>
    `idle ${idleFor}: ${used}${requested === null ? ' cores (flexible)' : ` of ${requested} cores`} — d to delete`,
} as const;

/** Header labels and badges. */
export const HEADER = {
  app: 'skaha-tui',
  server: 'server',
  user: 'user',
  demo: ' DEMO ',
  readonly: ' READ-ONLY ',
  daemon: 'daemon',
  platform: 'platform',
  interactive: 'interactive',
  credentials: 'credentials',
  filter: 'filter',
  sort: 'sort',
  showingAll: 'all sessions',
  showingActive: 'active only (a: all)',
  connecting: 'connecting…',
  connected: 'connected',
  disconnected: 'unreachable',
  unknownServer: '(server unknown)',
  staleSince: (time: string, code: string, message: string) => `stale since ${time} — ${code}: ${message}`,
  staleNoPoll: 'stale — waiting for the first poll',
  staleNoError: (time: string) => `stale since ${time}`,
  authHint: 'Skaha refuses your credentials (CANFAR itself answers): run canfar login or cadc-get-cert, then press R',
  credentialsExpireIn: (left: string) => `expire in ${left}`,
  credentialsExpired: 'EXPIRED — renew them (e.g. canfar login)',
  certificateExpired: 'EXPIRED — run cadc-get-cert -u <user> or canfar login',
  loginExpired: 'login EXPIRED — run canfar login',
  loginRefreshed: 'refreshed automatically',
  loginUntil: (left: string) => `refreshed automatically, login ends in ${left}`,
  credentialsUnknown: 'expiry unknown',
  credentialsNone: 'none configured',
  credentialsRefused: 'credentials refused',
  credentialsUnusable: 'no usable credentials',
  loadAsOf: (time: string) => `load as of ${time}`,
  loadUnavailable: (time: string | null) => `platform load unavailable${time ? ` (last ${time})` : ''}`,
  loadNotRead: 'load not read yet',
  sessionsCount: (shown: number, total: number) => (shown === total ? plural(total, 'session') : `${shown} of ${plural(total, 'session')}`),
  marked: (n: number, hidden: number) => `${n} marked${hidden > 0 ? ` (${hidden} hidden by the filter)` : ''}`,
  plainText: '(not a regex: matched as text)',
  storage: 'home',
  storageUnknown: 'storage unknown',
  storageUse: (used: string, quota: string | null, percent: number | null) => (quota === null ? `${used} GiB used` : `${used}/${quota} GiB (${percent}%)`),
  otherConnection: (daemon: string, mine: string) => `another connection (D: restart the daemon with yours) — daemon: ${daemon}; dashboard: ${mine}`,
} as const;

/** The banner shown while the daemon cannot be reached. */
export const BANNER = {
  unreachable: 'daemon unreachable — retrying',
  attempt: (attempt: number, inSeconds: number | null) => (inSeconds === null ? `attempt ${attempt}` : `attempt ${attempt}, next in ${inSeconds}s`),
  lastData: 'the data below is the last the daemon sent',
  error: (code: string, message: string) => `${code}: ${message}`,
  connecting: 'connecting to the daemon…',
} as const;

/** Empty and waiting states. */
export const EMPTY = {
  synchronising: 'Synchronising with the daemon…',
  noSessions: 'No sessions. Press n to launch one.',
  noSessionsReadonly: 'No sessions.',
  noActive: (hidden: number) => `No active sessions (${hidden} finished hidden — press a to show all).`,
  noMatch: (filter: string) => `No session matches the filter ${filter} (Esc clears it).`,
  noSelection: 'Select a session to see its details.',
  noStats: 'Platform stats not read yet.',
  noUsage: 'No usage reported yet.',
  noSessionSelected: 'Select a session to see its use.',
  logsHint: "Press l to follow the selected session's logs.",
  logsWaiting: (name: string) => `Waiting for the log of ${name}…`,
  logsEmpty: 'The log is empty so far; new lines appear here as the session writes them.',
  logsTruncated: '(older lines were dropped by the daemon buffer)',
  eventsLoading: 'Loading events…',
  appsLoading: '  loading apps…',
  appsNone: '  none',
  appsNoneLaunch: '  none — press A to launch one (CASA, TOPCAT, DS9, xterm …)',
  eventsNone: 'No events.',
  eventsNoPod: 'No pod, so no events (queued in Kueue, or its pod is gone).',
  imagesLoading: 'loading images…',
  imagesNone: 'no image matches',
} as const;

/** Field labels of the details pane. */
export const DETAILS = {
  url: 'URL',
  image: 'Image',
  started: 'Started',
  expires: 'Expires',
  cpu: 'CPU',
  ram: 'RAM',
  gpus: 'GPUs',
  fixed: 'fixed',
  flexible: 'flexible',
  used: 'used',
  requested: 'requested',
  ago: (d: string) => `${d} ago`,
  inTime: (d: string) => `in ${d}`,
  noUrl: '(none)',
  pendingWhy: 'Why it is waiting (latest events):',
  group: (base: string, total: number) => `replica group ${base} (${total} replicas)`,
  members: 'Members:',
  openArmed: 'opens in the browser when it is Running',
  removed: '(no longer listed)',
} as const;

/** The answers in the details pane: why a session waits or failed, and how a renew went. */
export const ANSWERS = {
  waiting: 'Waiting',
  forTime: (waited: string) => `for ${waited}`,
  estimate: 'Estimate',
  failed: 'Failed',
  inferred: '(inferred: no event said so)',
  renew: 'Renew',
  latestEvents: 'Latest events:',
} as const;

/** The desktop's apps in the details pane, and the app picker. */
export const APPS = {
  title: 'Apps (A: launch one, X: delete one)',
  titleReadonly: 'Apps',
  pickImage: (desk: string) => `Launch an app on ${desk}`,
  pickApp: (desk: string) => `Delete an app from ${desk}`,
  keys: '↑↓ choose  Enter: do it  Esc: cancel',
  keysAscii: 'Up/Down choose  Enter: do it  Esc: cancel',
  noImages: 'no desktop-app images in the catalogue',
  noApps: 'this desktop has no apps',
  loading: 'loading…',
  notDesktop: 'apps run attached to a desktop session: select a desktop',
  notRunning: (name: string) => `${name} is not running: apps attach to a running desktop`,
  launched: (image: string, name: string) => `launched ${image} on ${name}`,
  deleted: (appId: string, name: string) => `deleted app ${appId} from ${name}`,
} as const;

/** Resource pane labels. */
export const RESOURCES = {
  platformCpu: 'Platform CPU',
  platformRam: 'Platform RAM',
  cpu: 'CPU',
  ram: 'RAM',
  cores: 'cores',
  gib: 'GiB',
  platform: 'Platform',
  requested: 'requested',
  last: 'last',
} as const;

/** Log pane words. */
export const LOGS = {
  title: (name: string, id: string) => `Logs ${name} (${id})`,
  follow: 'follow',
  paused: 'paused',
  wrap: 'wrap',
  search: (pattern: string, at: number, total: number) => `/${pattern} ${total === 0 ? 'no match' : `${at}/${total}`}`,
  saved: (path: string, lines: number) => `saved ${lines} lines to ${path}`,
  saveFailed: (message: string) => `could not save the log: ${message}`,
  nothingToSave: 'no log to save: press l on a session first',
} as const;

/** Footer prompts. */
export const PROMPTS = {
  filter: 'filter (regex, !inverts): /',
  search: 'search log (regex): /',
  command: ':',
} as const;

/** Short messages in the footer; they clear themselves. */
export const FLASH = {
  readonly: (action: string) => `read-only: ${action} is disabled`,
  noSelection: 'no session selected',
  noUrl: (name: string) => `${name} has no URL (headless jobs have none)`,
  opening: (name: string) => `opening ${name} in the browser`,
  openFailed: (message: string) => `could not open the browser: ${message}`,
  noBrowser: (name: string) => `no browser here: the URL of ${name} is shown, and copied (OSC 52)`,
  noBrowserUrl: (name: string, url: string) => `no browser here; copied the URL of ${name} (OSC 52): ${url}`,
  armed: (name: string) => `${name} will open in the browser once it is Running`,
  disarmed: (name: string) => `${name} will no longer open when ready`,
  ready: (name: string) => `${name} is ready — press o to open it`,
  running: (name: string) => `${name} is running`,
  failedToStart: (name: string) => `${name} failed to start: press e for its events`,
  readyOpening: (name: string) => `${name} is ready — opening it in the browser`,
  copied: (name: string) => `copied the URL of ${name} (OSC 52)`,
  refreshing: 'refreshing…',
  refreshed: 'refreshed',
  launched: (names: readonly string[], typed: { as: string; stored: string } | null) => {
    const n = names.length;
    const which = n > 3 ? `${names[0]} … ${names[n - 1]} (${plural(n, 'session')})` : names.join(', ');
    const lowered = typed ? `; Skaha lowercases names: '${typed.as}' is stored as '${typed.stored}'` : '';
    return `launched ${which} — ${agree(n, 'it shows', 'they show')} as Pending until ${agree(n, 'it starts', 'they start')}${lowered}`;
  },
  deleted: (n: number) => `delete requested for ${plural(n, 'session')}`,
  renewed: (n: number) => `renewed ${plural(n, 'session')}`,
  renewedOne: (name: string, how: string) => `${name}: ${how}`,
  notRenewed: (name: string, why: string, bad: number, total: number) => `${name}: ${why}${total > 1 ? ` (${bad} of ${total} not renewed)` : ''}`,
  partial: (action: string, failed: number, total: number, message: string) => `${action}: ${failed} of ${total} failed — ${message}`,
  requestFailed: (action: string, code: string, message: string) => `${action} failed — ${code}: ${message}`,
  reconnected: 'daemon back — data resynchronised',
  keysFailed: (message: string) => `could not load the dashboard's keys and dialogs: ${message} (press a key to try again)`,

  noLogs: 'no log open: press l on a session first',
  sameConnection: 'the daemon already uses the same server and credential as this dashboard',
  restarting: "restarting the daemon with this dashboard's connection…",
  restarted: "the daemon was restarted with this dashboard's connection",
  restartFailed: (message: string) => `could not restart the daemon: ${message}`,
  versionMismatch: 'the daemon speaks another protocol version: restart it with `skaha-tui daemon restart`',
  warning: (message: string) => `daemon warning: ${message}`,
  notice: (message: string) => `daemon notice: ${message}`,
  groupNoUrl: 'a replica group has no URL: expand it (Enter) and pick a session',
  nothingToRenew: (finished: number) => `nothing to renew: the ${plural(finished, 'marked session')} ${agree(finished, 'has', 'have')} finished`,
  goneListed: 'is no longer listed',
  goneFinished: (status: string) => `is ${status} and hidden (a shows all)`,
  goneFiltered: 'no longer matches the filter',
  cursorMoved: (name: string, why: string, to: string | null) => `${name} ${why} — ${to === null ? 'no row left to select' : `cursor on ${to}`}`,
  unmarked: (names: readonly string[]) => `${nameList(names)} left the table: ${agree(names.length, 'its mark is', 'their marks are')} dropped`,
  confirmShrank: (action: 'delete' | 'renew', names: readonly string[], kept: number) =>
    `${nameList(names)} left: ${kept === 0 ? `nothing left to ${action}, the dialog closed` : `the dialog now lists ${plural(kept, 'session')}`}`,
} as const;

/** Up to three names ("a, b and c"), the rest counted ("a, b, c and 4 more"). */
function nameList(names: readonly string[]): string {
  if (names.length <= 3) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/** Confirmation dialogs. */
export const CONFIRM = {
  deleteTitle: (n: number) => `Delete ${plural(n, 'session')}? This cannot be undone.`,
  renewTitle: (n: number) => `Renew ${plural(n, 'session')}? ${agree(n, 'Its', 'Their')} expiry moves later.`,
  willGo: 'These will go:',
  willRenew: 'These will be renewed:',
  command: 'The same from a shell:',
  more: (n: number) => `… and ${n} more`,
  moreIds: (n: number) => `… and ${plural(n, 'more id')}`,
  skipped: (n: number) =>
    `${plural(n, 'marked session')} ${agree(n, 'has', 'have')} finished and ${agree(n, 'is', 'are')} left out: finished sessions cannot be renewed.`,
  keys: '[y] yes   [n] or Esc: no',
} as const;

/** The restart-the-daemon dialog, offered when the daemon uses another server or credential. */
export const RESTART = {
  title: "Restart the daemon with this dashboard's connection?",
  daemonUses: (daemon: string) => `The daemon uses:    ${daemon}`,
  dashboardUses: (mine: string) => `This dashboard uses: ${mine}`,
  effect: "The daemon stops (its clients reconnect) and starts again with this dashboard's server and credential.",
  command: 'The same from a shell:',
  shell: 'skaha-tui daemon restart',
  keys: '[y] yes   [n] or Esc: no',
} as const;

/** Launch form words. */
export const FORM = {
  profile: 'Profile',
  kind: 'Kind',
  image: 'Image',
  name: 'Name',
  resources: 'Resources',
  cores: 'Cores',
  ram: 'RAM (GiB)',
  gpus: 'GPUs',
  cmd: 'Command',
  args: 'Arguments',
  env: 'Env (K=V …)',
  replicas: 'Replicas',
  registryUser: 'Registry user',
  registrySecret: 'Registry secret',
  flexible: 'flexible (default)',
  fixed: 'fixed',
  registryHint: 'leave empty to use the configured registry credentials',
  command: 'Equivalent command:',
  registryNotShown: '(registry credentials are not shown)',
  recent: 'Recent launches (digit or Ctrl-R fills the form):',
  keys: '↑↓/Tab field  ←→ choose or move the cursor  Ctrl-A/E/U/W edit  Ctrl-S profile  Enter launch  Esc cancel',
  keysAscii: 'Up/Down/Tab field  Left/Right choose or move the cursor  Ctrl-A/E/U/W edit  Ctrl-S profile  Enter launch  Esc cancel',
  keysImage: 'type a full name or part of one  ↑↓ pick a suggestion  Tab complete it  Enter launch  Esc cancel',
  keysImageAscii: 'type a full name or part of one  Up/Down pick a suggestion  Tab complete it  Enter launch  Esc cancel',
  submitting: 'launching…',
  serverError: 'The server said:',
  fixErrors: 'fix the flagged fields first',
  nameTaken: (name: string) => `an active session is already called ${name}`,
  storedAs: (stored: string) => `stored as '${stored}': Skaha lowercases names`,
  commandOneWord: 'Skaha runs Command as one program name: put its arguments under Arguments',
  atCap: (n: number, max: number) => `you have ${n}/${max} interactive sessions: the platform will refuse another`,
  imagesFor: (kind: string) => `images for ${kind}:`,
  moreImages: (n: number) => `… ${n} more (keep typing to narrow them)`,
  imageKinds: (image: string, kinds: readonly string[]) => `${image} is for ${kinds.join(', ')}`,
  noImageOfKind: (kind: string, others: readonly string[]) => `no ${kind} image matches: ${others.join('; ')}`,
  moreAbove: (n: number) => `↑ ${n} more lines above`,
  moreBelow: (n: number) => `↓ ${n} more lines below (↓/Tab moves there)`,
  none: 'none',
} as const;

/** Help screen header and footer. */
export const HELP = {
  intro: 'skaha-tui dashboard: sessions on the CANFAR Science Platform, live from the daemon.',
  close: 'Esc or ? closes this help.',
  mouse:
    'Mouse: click a row to select it or a pane to focus it; the wheel moves through the table and scrolls the details and the logs (scrolling the logs to the bottom follows again). --no-mouse turns it off.',
  mouseOff: 'Mouse: off (started with --no-mouse); start without it to click and scroll.',
  more: (n: number) => `↓ ${n} more lines: j/k or PgDn/PgUp scroll`,
  sections: { global: 'Everywhere', table: 'Sessions table', details: 'Details pane', logs: 'Logs pane', form: 'Launch form' },
  readonly: 'Read-only mode: launch, renew and delete are disabled.',
} as const;

/** Messages printed outside the screen (stderr) by the entry point. */
export const CLI_TEXT = {
  usage: 'usage: skaha-tui [--readonly] [--no-terminal-notify] [--terminal-notify=auto|osc777|osc9|osc99|bel|off] [--no-mouse]',
  unknownOption: (option: string) => `skaha-tui: unknown dashboard option ${option}`,
  notATerminal: 'skaha-tui: the dashboard needs a terminal (stdin and stdout must be a TTY); try `skaha-tui ps`',
  crashed: (message: string) => `skaha-tui: the dashboard crashed: ${message}`,
  daemonFailed: (message: string) => `skaha-tui: could not reach or start the daemon: ${message}`,
} as const;

/** Wording of `skaha-tui demo`. */
export const DEMO_TEXT = {
  usage: 'usage: skaha-tui demo [--speed X] [--seed N]   (a simulator, its own daemon and the dashboard; q quits and cleans up)',
  unknownOption: (option: string) => `skaha-tui demo: unknown option ${option}`,
  badNumber: (flag: string) => `skaha-tui demo: ${flag} takes a positive number`,
  noTerminal: (home: string) => `No terminal for the dashboard, so the demo runs headless: a simulator and a daemon (home ${home}).`,
  failed: (message: string) => `skaha-tui demo: could not start: ${message}`,
} as const;
