/** The client side of the daemon: one-shot and resilient connections, auto-start, socket probes. */
export * from './daemon-connection.js';
export * from './connect-daemon.js';
export * from './resilient-connection.js';
export * from './ensure-daemon.js';
export * from './daemon-command.js';
export * from './daemon-target.js';
export * from './backoff.js';
export * from './socket-probe.js';
export * from './socket-trust.js';
export * from './log-tail.js';
