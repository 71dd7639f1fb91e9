/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice or a
 * split piece of a big string as a view into it, so a few kept log lines would otherwise hold every
 * multi-megabyte log snapshot they came from. Exact for every string (lone surrogates included).
 */
export function detachString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
