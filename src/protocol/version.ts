/** The websocket protocol version; a client and a daemon talk only when theirs are equal. */
export const PROTOCOL_VERSION = 5;

/** The largest frame a daemon accepts from a client (1 MiB); bigger frames close the socket with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * The largest frame a client should accept from the daemon (32 MiB). Snapshots carry no histories
 * (histories come in `history` responses of at most MAX_HISTORY_FRAME_BYTES), so a frame is bounded
 * by the session listing, which the daemon reads from Skaha with a 16 MiB cap.
 */
export const MAX_DAEMON_FRAME_BYTES = 32 * 1024 * 1024;

/** The most bytes of histories one `history` response carries (1 MiB); ids that do not fit come back in `rest`. */
export const MAX_HISTORY_FRAME_BYTES = 1024 * 1024;

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
