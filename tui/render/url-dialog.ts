// Pure: the dialog that shows a session's URL whole when no browser could open it.

import { terminalLine } from '../../src/domain/terminal-text.js';
import { URL_DIALOG } from '../text.js';
import { escapeTags } from './paint.js';
import type { RenderContext } from './context.js';
import { fitOrWrap, wrapWords } from './wrap-words.js';

/** Pure: the lines of the no-browser dialog: what happened, then the URL in full (wrapped, never cut). */
export function urlDialogLines(name: string, url: string, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const text = (s: string) => wrapWords(s, width).map(escapeTags);
  return [
    ...text(URL_DIALOG.noBrowser),
    ...text(URL_DIALOG.copied(terminalLine(name))),
    '',
    ...wrapWords(terminalLine(url), width).map((l) => paint.fg('cyan', escapeTags(l))),
    '',
    ...fitOrWrap(URL_DIALOG.keys, width).map((l) => paint.fg('gray', escapeTags(l))),
  ];
}
