// Pure: the export dialog's lines: how many sessions, the three formats (the chosen one marked), the folder.

import { terminalLine } from '../../src/domain/terminal-text.js';
import { EXPORT_FORMATS } from '../export-choice.js';
import { EXPORT } from '../prompt-text.js';
import { escapeTags } from './paint.js';
import type { RenderContext } from './context.js';
import { wrapWords } from './wrap-words.js';

/** Pure: the tagged lines of the export dialog for `rows` sessions, to be written into `folder`. */
export function exportDialogLines(index: number, rows: number, folder: string, width: number, ctx: RenderContext): string[] {
  const { paint, glyphs } = ctx;
  const lines = [...wrapWords(EXPORT.intro(rows), width).map(escapeTags), ''];
  EXPORT_FORMATS.forEach((format, i) => {
    const text = escapeTags(`${i === index ? '>' : ' '} ${EXPORT.formats[format]}`);
    lines.push(i === index ? paint.inverse(text) : text);
  });
  lines.push('', ...wrapWords(EXPORT.folder(terminalLine(folder)), width).map((l) => paint.fg('gray', escapeTags(l))));
  lines.push('', paint.bold(glyphs.unicode ? EXPORT.keys : EXPORT.keysAscii));
  return lines;
}
