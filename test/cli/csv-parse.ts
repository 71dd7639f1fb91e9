// A strict RFC 4180 reader for tests, and the reverse of the documented cell rules (docs/output.md).

/** Rows of fields from RFC 4180 text (CRLF line ends, quoted fields with doubled quotes); throws on anything else. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last line without CRLF');
  return rows;
}

/** The value a CSV cell stands for, given the column's documented type. */
export function cellValue(text: string, type: 'string' | 'number' | 'boolean' | 'string-list' | 'number-list' | 'string-map'): unknown {
  if (text === '') return type.endsWith('list') ? [] : null;
  if (type === 'string-map') return Object.fromEntries(text.split(';').map((item) => [item.slice(0, item.indexOf('=')), item.slice(item.indexOf('=') + 1)]));
  const unguarded = text.startsWith("'") ? text.slice(1) : text;
  if (type === 'number') return Number(text);
  if (type === 'boolean') return text === 'true';
  if (type === 'string-list') return unguarded.split(';');
  if (type === 'number-list') return text.split(';').map(Number);
  return unguarded;
}

/** Sets a dotted path in a nested plain object. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let node = target;
  for (const step of steps.slice(0, -1)) node = (node[step] ??= {}) as Record<string, unknown>;
  node[steps[steps.length - 1]] = value;
}

/** A value with null keys left out, and every object whose leaves are all null (or absent) left out too: how CSV writes a null or absent sub-record or key. */
export function nullEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullEmpty);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([k, v]) => [k, nullEmpty(v)] as const)
    .filter(([, v]) => v !== null);
  return entries.length === 0 ? null : Object.fromEntries(entries);
}
