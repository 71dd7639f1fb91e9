// Pure: the app picker dialog's lines.

import { APPS } from '../text.js';
import type { AppPicker } from '../app-picker.js';
import { truncate } from './cells.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { escapeTags } from './paint.js';
import { fitOrWrap, wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

/** Pure: the picker's tagged lines for `width` columns, the chosen item marked. */
export function appPickerLines(picker: AppPicker, deskName: string, width: number, ctx: RenderContext): string[] {
  const { paint, glyphs } = ctx;
  const title = picker.mode === 'launch' ? APPS.pickImage(deskName) : APPS.pickApp(deskName);
  const lines = [...wrapWords(terminalLine(title), Math.max(4, width)).map((l) => paint.bold(escapeTags(l))), ''];
  if (picker.items === null) lines.push(paint.fg('gray', APPS.loading));
  else if (picker.items.length === 0) lines.push(paint.fg('gray', picker.mode === 'launch' ? APPS.noImages : APPS.noApps));
  picker.items?.forEach((item, i) => {
    const text = escapeTags(truncate(`${i === picker.index ? '>' : ' '} ${item.label}`, Math.max(4, width), glyphs.ellipsis));
    lines.push(i === picker.index ? paint.inverse(text) : text);
  });
  lines.push('', ...fitOrWrap(glyphs.unicode ? APPS.keys : APPS.keysAscii, Math.max(4, width)).map((l) => paint.bold(escapeTags(l))));
  return lines;
}
