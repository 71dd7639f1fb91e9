// Pure: the help screen, generated from the keymap so it never disagrees with the keys.

import { DIALOG_KEYS, KEYMAP, MUTATING } from '../keys.js';
import { HELP } from '../text.js';
import { PROMPT_TEXT } from '../prompt-text.js';
import { PROMPT_COMMANDS } from '../command-mode/prompt-commands.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import type { Pane } from '../view-state.js';
import { fit } from './cells.js';
import { escapeTags } from './paint.js';
import { wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

/** Pure: the help lines: the mouse first (it is easy to miss further down), a section per pane, then the dialog keys. */
export function helpLines(readonly: boolean, width: number, ctx: RenderContext, mouse = true, aliases: Readonly<Record<string, string>> = {}): string[] {
  const { paint } = ctx;
  const labelWidth = 12;
  const line = (label: string, text: string, disabled = false) => {
    const body = escapeTags(fit(label, labelWidth)) + ' ' + escapeTags(fit(text, Math.max(0, width - labelWidth - 1), 'left', ctx.glyphs.ellipsis));
    return disabled ? paint.fg('gray', body) : body;
  };
  const lines = [paint.bold(escapeTags(HELP.intro))];
  if (readonly) lines.push(paint.fg('yellow', HELP.readonly));
  lines.push(...wrapWords(mouse ? HELP.mouse : HELP.mouseOff, width).map(escapeTags));
  const sections: [Pane, string][] = [
    ['table', HELP.sections.table],
    ['logs', HELP.sections.logs],
  ];
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
  lines.push('', paint.underline(PROMPT_TEXT.helpTitle), ...wrapWords(PROMPT_TEXT.helpIntro, width).map(escapeTags));
  for (const c of PROMPT_COMMANDS) {
    const disabled = readonly && c.mutating === true;
    lines.push(line(`:${c.spec.name}`, `[${c.same}] ${c.help}${disabled ? ' (disabled: read-only)' : ''}`, disabled));
  }
  for (const [name, target] of Object.entries(aliases)) lines.push(line(`:${terminalLine(name)}`, PROMPT_TEXT.aliasHelp(terminalLine(target))));
  lines.push('', paint.fg('gray', HELP.close));
  return lines;
}
