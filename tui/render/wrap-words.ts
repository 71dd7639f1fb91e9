// Plain text wrapped at word boundaries (before any tag is added), for dialogs and long commands.

import { textWidth } from './cells.js';

/** How wrapped lines are marked: `suffix` ends every line but the last (a shell's ` \`), `indent` starts every line but the first. */
export interface WrapOptions {
  suffix?: string;
  indent?: string;
}

/** Plain `text` in lines of at most `width` columns, broken at spaces; a word longer than a line is split; a newline starts a new line. */
export function wrapWords(text: string, width: number, options: WrapOptions = {}): string[] {
  const suffix = options.suffix ?? '';
  const indent = options.indent ?? '';
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = out.length > 0 ? indent : '';
    const start = line;
    const flush = () => {
      out.push(line);
      line = indent;
    };
    for (const word of paragraph.split(' ').filter((w, i, all) => w !== '' || all.length === 1)) {
      let rest = word;
      while (rest !== '') {
        const sep = line === start || line === indent ? '' : ' ';
        const free = width - textWidth(line) - textWidth(sep) - textWidth(suffix);
        const chars = [...rest];
        if (chars.length <= free) {
          line += sep + rest;
          rest = '';
        } else if (line !== start && line !== indent) {
          // The word goes to the next line; one longer than a whole line is split from there.
          line += suffix;
          flush();
        } else {
          // A word longer than a whole line: as much as fits here, the rest on the next lines.
          const take = Math.max(1, free);
          line += sep + chars.slice(0, take).join('');
          rest = chars.slice(take).join('');
          if (rest !== '') flush();
        }
      }
    }
    out.push(line);
  }
  return out;
}

/** Plain `text` as it is (its spacing kept) when it fits in `width` columns, else wrapped at words; for aligned and key lines. */
export function fitOrWrap(text: string, width: number, options: WrapOptions = {}): string[] {
  return text.includes('\n') || textWidth(text) > width ? wrapWords(text, width, options) : [text];
}
