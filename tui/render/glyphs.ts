// The few non-ASCII characters the dashboard draws, with ASCII stand-ins for non-UTF-8 locales.

/** Characters for bars, sparklines and markers. */
export interface Glyphs {
  readonly unicode: boolean;
  /** Eight sparkline levels, lowest first. */
  spark: readonly string[];
  barFull: string;
  barEmpty: string;
  /** A replica group's progress, done and left: told apart by shape, so reverse video (the selected row) does not invert them as it does blocks. */
  progressDone: string;
  progressLeft: string;
  ellipsis: string;
  expanded: string;
  collapsed: string;
  mark: string;
  dot: string;
  up: string;
  down: string;
  dash: string;
  cursor: string;
}

/** Glyphs for UTF-8 terminals. */
export const UNICODE_GLYPHS: Glyphs = {
  unicode: true,
  spark: ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'],
  barFull: '█',
  barEmpty: '░',
  progressDone: '━',
  progressLeft: '─',
  ellipsis: '…',
  expanded: '▾',
  collapsed: '▸',
  mark: '✓',
  dot: '●',
  up: '↑',
  down: '↓',
  dash: '—',
  cursor: '▏',
};

/** Glyphs for terminals whose locale is not UTF-8. */
export const ASCII_GLYPHS: Glyphs = {
  unicode: false,
  spark: ['_', '.', ',', '-', '~', '=', '*', '#'],
  barFull: '#',
  barEmpty: '.',
  progressDone: '#',
  progressLeft: '.',
  ellipsis: '~',
  expanded: 'v',
  collapsed: '>',
  mark: '*',
  dot: '*',
  up: '^',
  down: 'v',
  dash: '-',
  cursor: '_',
};

/** Whether the locale is UTF-8 (LC_ALL, then LC_CTYPE, then LANG, as the C library reads them). */
export function isUtf8Locale(env: Readonly<Record<string, string | undefined>>): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /utf-?8/i.test(locale);
}

/** The glyph set for an environment. */
export function glyphsFor(env: Readonly<Record<string, string | undefined>>): Glyphs {
  return isUtf8Locale(env) ? UNICODE_GLYPHS : ASCII_GLYPHS;
}
