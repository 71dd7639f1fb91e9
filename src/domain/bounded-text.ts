/**
 * The longest text kept from each field the server sends; longer text is shortened once, where the
 * client parses it, so every later check (websocket frames, the state file, event keys) holds.
 */
export const TEXT_LIMITS = {
  /** Session names, shown whole in tables and notifications (shortened with a visible "…"). */
  name: 128,
  image: 512,
  /** A longer connect URL is dropped, not shortened: a shortened URL would open the wrong page. */
  url: 2048,
  status: 64,
  kind: 64,
  user: 128,
  /** A desktop-app's id. */
  appId: 64,
  /** Image digests, registry hosts, event types and reasons. */
  field: 256,
  /** One Kubernetes event message. */
  eventMessage: 2048,
  /** How many events of one session are kept (the newest). */
  events: 1000,
  /** An error message as it crosses a process boundary (ErrorJson). */
  errorMessage: 4000,
} as const;

/** Text of at most `max` characters: longer text keeps its start and ends in "…" (never splitting a surrogate pair). */
export function boundText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
