/** Collects config problems, each naming the field path and the rule it broke. */
export class FieldErrors {
  readonly problems: string[] = [];

  /** Records one problem at a dotted field path. */
  add(path: string, rule: string): void {
    this.problems.push(`${path}: ${rule}`);
  }
}

/** Reads an optional object at `path`; records a problem and returns {} when it is not one. */
export function objectAt(raw: unknown, path: string, errors: FieldErrors): Record<string, unknown> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.add(path, 'must be an object');
    return {};
  }
  return raw as Record<string, unknown>;
}

/** Reads an optional number in [min, max]; falls back to `fallback` with a recorded problem. */
export function numberAt(raw: unknown, path: string, fallback: number, min: number, max: number, errors: FieldErrors): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
    errors.add(path, `must be a number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return raw;
}

/** Reads an optional boolean. */
export function booleanAt(raw: unknown, path: string, fallback: boolean, errors: FieldErrors): boolean {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'boolean') {
    errors.add(path, `must be true or false (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return raw;
}

/** Reads an optional string. */
export function stringAt(raw: unknown, path: string, fallback: string, errors: FieldErrors): string {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string') {
    errors.add(path, `must be a string (got ${JSON.stringify(raw)})`);
    return fallback;
  }
  return raw;
}

/** Reads an optional array, checking each item with `item`; bad items are dropped with a problem. */
export function arrayAt<T>(raw: unknown, path: string, errors: FieldErrors, item: (value: unknown, path: string) => T | undefined): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.add(path, 'must be an array');
    return [];
  }
  const out: T[] = [];
  raw.forEach((value, index) => {
    const parsed = item(value, `${path}[${index}]`);
    if (parsed !== undefined) out.push(parsed);
  });
  return out;
}

/** Whether a string compiles as a JavaScript regular expression. */
export function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
