import { isActive, type Session } from '../../src/domain/session.js';

/** A free name for a kind: `<kind><n>` with the smallest n no active session uses. */
export function suggestName(kind: string, sessions: readonly Session[]): string {
  const taken = new Set(sessions.filter(isActive).map((s) => s.name));
  let n = 1;
  while (taken.has(`${kind}${n}`)) n++;
  return `${kind}${n}`;
}
