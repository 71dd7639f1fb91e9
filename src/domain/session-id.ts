import { AppError } from './errors.js';

/** The longest session id accepted (real Skaha ids are 8 characters of [a-z0-9]). */
export const SESSION_ID_MAX = 64;

/** The id rule in words, for messages. */
export const SESSION_ID_RULE = `1 to ${SESSION_ID_MAX} characters of A-Z, a-z, 0-9, "_" and "-" (no dot, no slash)`;

// Lenient for other deployments and the simulator, but never a dot or a slash: an id becomes a URL
// path segment, where "." and ".." would name the collection instead of one session.
const SESSION_ID = new RegExp(`^[A-Za-z0-9_-]{1,${SESSION_ID_MAX}}$`);

/** Whether a value is a session id under the id rule. */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/** A bounded, printable rendering of an untrusted id for messages: quoted, controls escaped, long ids shortened. */
export function shownId(value: string, max = 40): string {
  const head = value.length > max ? value.slice(0, max) : value;
  const safe = head.replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return `"${safe}${value.length > max ? `…" (${value.length} characters)` : '"'}`;
}

/** VALIDATION_ERROR for an id that breaks the id rule; no request is made with it. */
export function invalidIdError(value: string, field = 'id'): AppError {
  return new AppError('VALIDATION_ERROR', `${field} ${shownId(value)} is not a session id: an id is ${SESSION_ID_RULE} — check it with \`skaha-tui ps\``, {
    field,
  });
}

/** The id itself when it follows the id rule; VALIDATION_ERROR otherwise. */
export function checkSessionId(value: string, field = 'id'): string {
  if (!isSessionId(value)) throw invalidIdError(value, field);
  return value;
}
