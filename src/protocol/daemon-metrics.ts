/** What the daemon reports about itself (`daemon.metrics`): memory, handles, event-loop delay, and its load. */
export interface DaemonMetrics {
  pid: number;
  uptimeMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  /** Active libuv handles and requests (sockets, timers, watchers, fs requests), by kind. */
  handles: { total: number; byKind: Record<string, number> };
  /** How late the event loop ran timers since the previous read (or the start), in ms. */
  eventLoopDelayMs: { mean: number; p99: number; max: number; windowMs: number };
  /** Websocket clients that said hello. */
  clients: number;
  sessions: number;
  /** Sessions whose logs are being followed. */
  logFollows: number;
}
