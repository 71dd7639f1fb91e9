import { invalidIdError, isSessionId } from '../domain/session-id.js';

/** Whether positional `i` is a session id: named ID, or covered by a trailing ID.... */
function isIdArgument(names: readonly string[], i: number): boolean {
  const last = names[names.length - 1];
  return names[i] === 'ID' || names[i] === 'ID...' || (i >= names.length && last === 'ID...');
}

/** Pure: the message for the first ID argument that breaks the id rule (a usage error, exit 2), or null. */
export function badIdArgument(names: readonly string[], positionals: readonly string[]): string | null {
  const bad = positionals.find((value, i) => isIdArgument(names, i) && !isSessionId(value));
  return bad === undefined ? null : invalidIdError(bad, 'ID').message;
}
