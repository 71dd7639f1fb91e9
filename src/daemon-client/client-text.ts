// Every sentence the daemon client puts into an error, in one place.

const START_HINT = 'start one with `skaha-tui daemon start`';

/** Error messages of the daemon client (connect, handshake, requests, auto-start). */
export const CLIENT_TEXT = {
  noSocket: (socket: string) => `no skaha-tui daemon is running (no socket at ${socket}) — ${START_HINT}`,
  staleSocket: (socket: string) => `no skaha-tui daemon is running (${socket} is a stale socket left by a daemon that is gone) — ${START_HINT}`,
  socketDenied: (socket: string) => `permission denied on the daemon socket ${socket} — it belongs to another user, or its folder is not yours`,
  tcpRefused: (where: string) => `nothing listens at ${where} — is the daemon running with --listen?`,
  unreachable: (where: string, reason: string) => `could not reach the skaha-tui daemon at ${where}: ${reason}`,
  rejected: (where: string, status: number) =>
    `the daemon at ${where} refused the connection: HTTP ${status}` +
    (status === 401 ? ' (missing or wrong token: it is the content of the daemon token file)' : status === 403 ? ' (this Origin is not allowed)' : ''),
  connectTimeout: (where: string, ms: number) => `the daemon at ${where} did not accept the connection within ${ms} ms — check \`skaha-tui daemon status\``,
  welcomeTimeout: (where: string, ms: number) => `the daemon at ${where} did not answer hello within ${ms} ms — try \`skaha-tui daemon restart\``,
  closedBeforeWelcome: (where: string, code: number) => `the daemon at ${where} closed the connection (code ${code}) before welcoming this client`,
  versionMismatch: (ours: number, theirs: number | null) =>
    `this skaha-tui speaks protocol ${ours}, the running daemon ${theirs === null ? 'another one' : `speaks ${theirs}`} — restart the daemon (skaha-tui daemon restart) or update the client`,
  restartHint: ' — restart the daemon (skaha-tui daemon restart)',
  badFrame: (problem: string) => `the daemon sent an invalid frame: ${problem}`,
  unexpectedFrame: (type: string) => `the daemon sent a ${type} frame before welcome`,
  requestTimeout: (method: string, ms: number) => `the daemon did not answer ${method} within ${formatMs(ms)}`,
  notConnected: 'not connected to the skaha-tui daemon (it is not running, or the connection is being re-established)',
  connectionLost: (code: number, reason: string) =>
    code === 1001 ? 'the skaha-tui daemon is shutting down' : `the connection to the skaha-tui daemon closed (code ${code}${reason ? `: ${reason}` : ''})`,
  closedByClient: 'the connection to the skaha-tui daemon was closed by this client',
  sendFailed: (reason: string) => `could not send to the skaha-tui daemon: ${reason}`,
  startFailed: (reason: string, log: string) => `could not start the skaha-tui daemon: ${reason} — see its log: ${log}`,
  exitedEarly: (code: number | null, signal: string | null) => `it exited (${signal ? `signal ${signal}` : `code ${code}`}) before accepting connections`,
  neverCameUp: (ms: number) => `it did not accept connections within ${formatMs(ms)}`,
  notRunningNoAutoStart: (socket: string) => `no skaha-tui daemon is running (socket ${socket}) — ${START_HINT}`,
} as const;

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
