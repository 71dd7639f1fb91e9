/** The websocket protocol version; a client and a daemon talk only when theirs are equal. */
export const PROTOCOL_VERSION = 3;

/** The largest frame a daemon accepts from a client (1 MiB); bigger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** The largest frame a client should accept from the daemon (snapshots with histories can be large). */
export const MAX_DAEMON_FRAME_BYTES = 64 * 1024 * 1024;

/** Websocket close codes the daemon uses. */
export const CLOSE_CODES = {
  /** Normal close (shutdown). */
  normal: 1000,
  /** The daemon is going away (shutdown or restart). */
  goingAway: 1001,
  /** A frame exceeded MAX_FRAME_BYTES. */
  tooBig: 1009,
  /** The hello's protocol version differs from the daemon's. */
  versionMismatch: 4001,
  /** No valid hello arrived in time, or a request came before it. */
  noHello: 4002,
} as const;
