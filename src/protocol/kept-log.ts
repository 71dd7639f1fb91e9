/** The last copy of a session's log the daemon kept (for `logs ID` once Skaha no longer has it). */
export interface KeptLog {
  sessionId: string;
  /** The session's name when the copy was taken. */
  name: string;
  /** The log's text (its end, when it was longer than the daemon keeps). */
  text: string;
  /** When the copy was taken (epoch ms). */
  takenAt: number;
  /** True when the start of the log was dropped to keep the copy bounded. */
  truncated: boolean;
  /** When the session left the listing (epoch ms), or null while it is still listed. */
  goneAt: number | null;
}
