// Pure: the details pane's answers for a session: why it waits, for how long and how much longer;
// why it failed (and whether that is inferred); how the last renew went.

import type { Session } from '../../src/domain/session.js';
import type { SessionInsight, WaitRecord } from '../../src/state/insight.js';
import { estimateWait } from '../../src/state/wait-estimate.js';
import { estimateText, renewText, waitedText } from '../../src/cli/answer-text.js';
import { ANSWERS } from '../text.js';
import { escapeTags, tagSafe, type Colour } from './paint.js';
import type { RenderContext } from './context.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { wrapWords } from './wrap-words.js';

const LABEL_WIDTH = 10;
const label = (text: string) => `${text.padEnd(LABEL_WIDTH - 1)} `;

/** A labelled answer wrapped at words under its label (a server's renew error is often a long Java message). */
function labelled(name: string, text: string, width: number, paint: (piece: string) => string): string[] {
  const pieces = wrapWords(terminalLine(text), Math.max(10, width - LABEL_WIDTH));
  return pieces.map((piece, i) => label(i === 0 ? name : '') + paint(escapeTags(piece)));
}

/** Pure: the tagged answer lines for `s` (none when the daemon has nothing to say about it). */
export function answerLines(s: Session, insight: SessionInsight | undefined, waits: readonly WaitRecord[], width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const coloured = (colour: Colour) => (piece: string) => paint.fg(colour, piece);
  const lines: string[] = [];
  const p = s.status === 'Pending' ? insight?.pending : null;
  if (p) {
    const waited = waitedText(p, ctx.now);
    lines.push(...labelled(ANSWERS.waiting, waited ? `${p.reason}, ${ANSWERS.forTime(waited)}` : p.reason, width, coloured('yellow')));
    if (p.detail) lines.push(...labelled('', p.detail, width, coloured('gray')));
    const estimate = estimateText(estimateWait(waits, s, ctx.now - p.since));
    if (estimate) lines.push(...labelled(ANSWERS.estimate, estimate, width, (piece) => piece));
  }
  const f = s.status === 'Failed' || s.status === 'Error' ? insight?.failure : null;
  if (f) {
    lines.push(label(ANSWERS.failed) + paint.fg('red', tagSafe(f.cause)) + (f.inferred ? ' ' + paint.fg('gray', ANSWERS.inferred) : ''));
    if (f.detail) lines.push(...labelled('', f.detail, width, coloured('gray')));
  }
  if (insight?.renew) {
    const colour = insight.renew.outcome === 'renewed' ? 'green' : 'red';
    lines.push(...labelled(ANSWERS.renew, renewText(insight.renew), width, coloured(colour)));
  }
  return lines;
}
