// Plain-text cell helpers: width, truncation and padding (before any tag is added).

/** The number of terminal columns a plain string takes (one per code point; no wide characters). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Where `truncate` cuts `text` for `width` columns: the UTF-16 offset the kept start ends at, and the ellipsis that follows it ('' when none). */
export function cutAt(text: string, width: number, ellipsis = '…'): { end: number; ellipsis: string } {
  if (width <= 0) return { end: 0, ellipsis: '' };
  const chars = [...text];
  if (chars.length <= width) return { end: text.length, ellipsis: '' };
  const room = [...ellipsis].length;
  const keep = width <= room ? width : width - room;
  return { end: chars.slice(0, keep).join('').length, ellipsis: width <= room ? '' : ellipsis };
}

/** Cuts `text` to `width` columns, ending with `ellipsis` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  const cut = cutAt(text, width, ellipsis);
  return text.slice(0, cut.end) + cut.ellipsis;
}

/** Cuts `text` to `width` columns keeping its end (for paths and images), starting with `ellipsis`. */
export function truncateStart(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text;
  const keep = width - [...ellipsis].length;
  return keep <= 0 ? chars.slice(-width).join('') : ellipsis + chars.slice(-keep).join('');
}

/** `text` cut or padded with spaces to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
  const cut = truncate(text, width, ellipsis);
  const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/** A local wall-clock time "14:02:11" for an epoch-ms instant. */
export function localClock(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A UTC wall-clock time "14:02:11" (tests use it to stay independent of the machine's zone). */
export function utcClock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}
