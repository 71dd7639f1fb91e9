const REGEX_CHARACTERS = /[.^$*+?{}[\]()|\\]/;

/**
 * Builds a session-name matcher the way the official client's prune does: a literal prefix,
 * or an (unanchored-at-end) regex anchored at the start when the pattern holds regex characters.
 */
export function nameMatcher(pattern: string): (name: string) => boolean {
  if (!REGEX_CHARACTERS.test(pattern)) return (name) => name.startsWith(pattern);
  const regex = new RegExp(pattern.startsWith('^') ? pattern : `^(?:${pattern})`);
  return (name) => regex.test(name);
}

/** Whether a pattern would be read as a regex rather than a prefix. */
export function isRegexPattern(pattern: string): boolean {
  return REGEX_CHARACTERS.test(pattern);
}
