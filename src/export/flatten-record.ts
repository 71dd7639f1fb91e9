// Records → rows of cells for CSV and Markdown: one column per leaf of the record, named by its JSON path.

/** One cell before it is written: a leaf of a record (a list is one cell). */
export type Cell = string | number | boolean | null | readonly (string | number)[];

/** The value at a dotted path of a record (`ramGiB.requested`), or null when a step is missing or null; a mapping of strings (a job's env) is one cell of `KEY=VALUE` items. */
export function cellAt(record: unknown, path: string): Cell {
  let value: unknown = record;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, step)) return null;
    value = (value as Record<string, unknown>)[step];
  }
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string') ? entries.map(([k, v]) => `${k}=${v as string}`) : null;
  }
  return value as Cell;
}

/** Rows of cells for `records` in the order of `columns`; a single object is one row. */
export function flattenRecords(records: unknown, columns: readonly string[]): Cell[][] {
  const list = Array.isArray(records) ? records : [records];
  return list.map((record) => columns.map((column) => cellAt(record, column)));
}

/** The dotted paths of every leaf of `record` (lists, and the mappings at `mappings`, are leaves), in key order: what a column list must cover. */
export function leafPaths(record: unknown, mappings: readonly string[] = [], prefix = ''): string[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return prefix ? [prefix] : [];
  return Object.entries(record).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !mappings.includes(path) ? leafPaths(value, mappings, path) : [path];
  });
}
