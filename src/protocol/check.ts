/** A shape check: null when `value` fits, else a short description of the first problem at `path`. */
export type Check = (value: unknown, path: string) => string | null;

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a value is a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, bounded description of a value's type for error messages (never its content). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A string of `min`..`max` characters. */
export function str(min = 0, max = Infinity): Check {
  return (v, p) => {
    if (typeof v !== 'string') return `${p} must be a string, got ${describe(v)}`;
    if (v.length < min) return min === 1 ? `${p} must not be empty` : `${p} is shorter than ${min} characters`;
    return v.length > max ? `${p} is longer than ${max} characters` : null;
  };
}

/** A finite number in [min, max]; `integer` also requires a whole number. */
export function num(min = -Infinity, max = Infinity, integer = false): Check {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${p} must be a finite number, got ${describe(v)}`;
    if (integer && !Number.isInteger(v)) return `${p} must be a whole number`;
    return v < min || v > max ? `${p} must be between ${min} and ${max}` : null;
  };
}

/** A boolean. */
export const bool: Check = (v, p) => (typeof v === 'boolean' ? null : `${p} must be true or false, got ${describe(v)}`);

/** One of the given literal values. */
export function oneOf(values: readonly (string | number)[]): Check {
  return (v, p) => (values.includes(v as string) ? null : `${p} must be one of ${values.join(', ')}`);
}

/** The check, or null. */
export function nullable(check: Check): Check {
  return (v, p) => (v === null ? null : check(v, p));
}

/** The check, or null/absent. */
export function optional(check: Check): Check {
  return (v, p) => (v === undefined ? null : check(v, p));
}

/** An array of at most `max` items, each passing `item`. */
export function arrayOf(item: Check, max = Infinity, min = 0): Check {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p} must be an array, got ${describe(v)}`;
    if (v.length < min) return `${p} must hold at least ${min} item(s)`;
    if (v.length > max) return `${p} holds more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${p}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

/**
 * An object used as a map, every value passing `value`. Any key is allowed (a session may be called
 * "constructor"): readers copy such maps into null-prototype objects (reviveState, applyPatch).
 */
export function recordOf(value: Check): Check {
  return (v, p) => {
    if (!isRecord(v)) return `${p} must be an object, got ${describe(v)}`;
    for (const [k, item] of Object.entries(v)) {
      const problem = value(item, `${p}.${k.slice(0, 80)}`);
      if (problem) return problem;
    }
    return null;
  };
}

/** An object with these fields; with `strict`, unknown fields are refused (typos are caught). */
export function object(shape: Record<string, Check>, strict = false): Check {
  return (v, p) => {
    if (!isRecord(v)) return `${p} must be an object, got ${describe(v)}`;
    for (const [k, check] of Object.entries(shape)) {
      const problem = check(v[k], `${p}.${k}`);
      if (problem) return problem;
    }
    if (strict) for (const k of Object.keys(v)) if (!Object.hasOwn(shape, k)) return `${p} has an unknown field "${k.slice(0, 40)}"`;
    for (const k of Object.keys(v)) if (FORBIDDEN_KEYS.has(k)) return `${p} must not have the key "${k}"`;
    return null;
  };
}
