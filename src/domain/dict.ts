// Maps keyed by data from outside (session ids, statuses, event keys) are null-prototype objects:
// a key such as "__proto__", "constructor" or "hasOwnProperty" is then an ordinary key, and a read
// never finds an inherited member. They stay plain JSON for JSON.stringify.

/** A null-prototype object used as a map from strings to values. */
export type Dict<V> = Record<string, V>;

/** A new, empty null-prototype map. */
export function emptyDict<V>(): Dict<V> {
  return Object.create(null) as Dict<V>;
}

/** Whether `dict` holds `key` as its own entry (never an inherited member). */
export function hasKey(dict: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(dict, key);
}

/** The own entry at `key`, or undefined (safe on any object, null-prototype or not). */
export function dictGet<V>(dict: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

/** A null-prototype copy of the own enumerable entries of `source` (a plain object, a Map or entry pairs). */
export function dictFrom<V>(source: Readonly<Record<string, V>> | ReadonlyMap<string, V> | Iterable<readonly [string, V]>): Dict<V> {
  const out = emptyDict<V>();
  const entries =
    source instanceof Map || Symbol.iterator in (source as object) ? (source as Iterable<readonly [string, V]>) : Object.entries(source as Record<string, V>);
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A null-prototype copy of `dict` with `key` set to `value`. */
export function dictWith<V>(dict: Readonly<Record<string, V>>, key: string, value: V): Dict<V> {
  const out = dictFrom(dict);
  out[key] = value;
  return out;
}

/** A null-prototype copy of `dict` without `keys`. */
export function dictWithout<V>(dict: Readonly<Record<string, V>>, keys: Iterable<string>): Dict<V> {
  const out = dictFrom(dict);
  for (const key of keys) delete out[key];
  return out;
}

/** Whether a value is a null-prototype object (what every map keyed by outside data must be). */
export function isDict(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null;
}
