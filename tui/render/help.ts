// Pure: the help screen, generated from the keymap so it never disagrees with the keys.

import { DIALOG_KEYS, KEYMAP, MUTATING } from '../keys.js';
import { HELP } from '../text.js';
import type { Pane } from '../view-state.js';
import { fit } from './cells.js';
import { escapeTags } from './paint.js';
import { wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

/** Pure: the help lines: the mouse first (it is easy to miss further down), a section per pane, then the dialog keys. */
export function helpLines(readonly: boolean, width: number, ctx: RenderContext, mouse = true): string[] {
  const { paint } = ctx;
  const labelWidth = 12;
  const line = (label: string, text: string, disabled = false) => {
    const body = escapeTags(fit(label, labelWidth)) + ' ' + escapeTags(fit(text, Math.max(0, width - labelWidth - 1), 'left', ctx.glyphs.ellipsis));
    return disabled ? paint.fg('gray', body) : body;
  };
  const lines = [paint.bold(escapeTags(HELP.intro))];
  if (readonly) lines.push(paint.fg('yellow', HELP.readonly));
  lines.push(...wrapWords(mouse ? HELP.mouse : HELP.mouseOff, width).map(escapeTags));
  const sections: [Pane, string][] = [['table', HELP.sections.table], ['logs', HELP.sections.logs]];
  const shown = new Set<string>();
  for (const [pane, title] of sections) {
    lines.push('', paint.underline(title));
    for (const b of KEYMAP) {
      const id = `${b.command}:${b.label}`;
      if (!b.panes.includes(pane) || shown.has(id)) continue;
      if (pane === 'logs' && b.panes.includes('table')) continue;
      shown.add(id);
      lines.push(line(b.label, b.help + (readonly && MUTATING.has(b.command) ? ' (disabled: read-only)' : ''), readonly && MUTATING.has(b.command)));
    }
  }
  lines.push('', paint.underline(HELP.sections.form));
  for (const k of DIALOG_KEYS) lines.push(line(k.label, k.help));
  lines.push('', paint.fg('gray', HELP.close));
  return lines;
}
