/** The longest duration a switch, a schedule or a seed takes, in seconds (about 31 years): more is a mistake, and would overflow the clock. */
export const MAX_SECONDS = 1e9;

/** A number of seconds from JSON or a caller, checked: finite, at least `min`, at most MAX_SECONDS; throws a RangeError naming the field. */
export function checkSeconds(value: unknown, field: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > MAX_SECONDS) {
    throw new RangeError(`${field} must be a number of seconds from ${min} to ${MAX_SECONDS}, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}
