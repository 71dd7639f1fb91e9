// Pure: the footer line: a prompt while typing a filter or search, else the flash, else key hints.

import { footerHints } from '../keys.js';
import { PROMPTS } from '../text.js';
import type { ViewState } from '../view-state.js';
import type { PromptState } from '../command-mode/prompt-state.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, textWidth } from './cells.js';
import { escapeTags, type Colour } from './paint.js';
import type { RenderContext } from './context.js';

const FLASH_COLOUR: Record<string, Colour> = { info: 'green', warn: 'yellow', error: 'red' };
const READONLY_MARK = '(ro)';

/** Pure: the `:` prompt: the line with its cursor, then (after a Tab that could not choose) the candidates, dimmed. */
function promptLine(prompt: PromptState, width: number, ctx: RenderContext): string {
  const { paint, glyphs } = ctx;
  const line = `${PROMPTS.command}${terminalLine(prompt.text)}${glyphs.cursor}`;
  const room = width - textWidth(line) - 2;
  const offered = prompt.candidates.length > 0 && room > 3 ? `  ${fit(terminalLine(prompt.candidates.join('  ')), room, 'left', glyphs.ellipsis)}` : '';
  return paint.fg('cyan', escapeTags(fit(line, width - textWidth(offered)))) + (offered ? paint.fg('gray', escapeTags(offered)) : '');
}

/** Pure: the footer's one tagged line for `width` columns. */
export function footerLine(view: ViewState, width: number, ctx: RenderContext, readonly: boolean): string {
  const { paint, glyphs } = ctx;
  if (view.prompt) return promptLine(view.prompt, width, ctx);
  if (view.filterEditing) return paint.fg('cyan', escapeTags(fit(`${PROMPTS.filter}${terminalLine(view.filter)}${glyphs.cursor}`, width)));
  if (view.logs.searchEditing) return paint.fg('cyan', escapeTags(fit(`${PROMPTS.search}${terminalLine(view.logs.draft)}${glyphs.cursor}`, width)));
  if (view.flash && view.flash.until > ctx.now) {
    const colour = FLASH_COLOUR[view.flash.level];
    return paint.fg(colour, escapeTags(fit(terminalLine(view.flash.text), width, 'left', glyphs.ellipsis)));
  }
  const pane = view.modal ? null : view.focus;
  if (!pane) return '';
  const hints = footerHints(pane, readonly);
  const plain = hints.map((h) => `${h.label} ${h.short}${h.disabled ? READONLY_MARK : ''}`);
  // The most important hints are taken first (help and quit always), then shown in keymap order.
  const byRank = hints.map((_, i) => i).sort((a, b) => hints[a].rank - hints[b].rank);
  const kept = new Set<number>();
  let used = 0;
  for (const i of byRank) {
    const w = textWidth(plain[i]) + (kept.size > 0 ? 2 : 0);
    if (used + w > width && hints[i].rank > 0) break;
    kept.add(i);
    used += w;
  }
  const out = hints.flatMap((hint, i) => {
    if (!kept.has(i)) return [];
    return [hint.disabled ? paint.fg('gray', escapeTags(plain[i])) : `${paint.bold(escapeTags(hint.label))} ${escapeTags(hint.short)}`];
  });
  return out.join('  ');
}
