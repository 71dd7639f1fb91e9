// Pure: the details pane's answers for a session: why it waits, for how long and how much longer;
// why it failed (and whether that is inferred); how the last renew went.

import type { Session } from '../../src/domain/session.js';
import type { SessionInsight, WaitRecord } from '../../src/state/insight.js';
import { estimateWait } from '../../src/state/wait-estimate.js';
import { estimateText, renewText, waitedText } from '../../src/cli/answer-text.js';
import { ANSWERS } from '../text.js';
import { tagSafe } from './paint.js';
import type { RenderContext } from './context.js';

const label = (text: string) => `${text.padEnd(9)} `;

/** Pure: the tagged answer lines for `s` (none when the daemon has nothing to say about it). */
export function answerLines(s: Session, insight: SessionInsight | undefined, waits: readonly WaitRecord[], ctx: RenderContext): string[] {
  const { paint } = ctx;
  const lines: string[] = [];
  const p = s.status === 'Pending' ? insight?.pending : null;
  if (p) {
    const waited = waitedText(p, ctx.now);
    lines.push(label(ANSWERS.waiting) + paint.fg('yellow', tagSafe(waited ? `${p.reason}, ${ANSWERS.forTime(waited)}` : p.reason)));
    if (p.detail) lines.push(label('') + paint.fg('gray', tagSafe(p.detail)));
    const estimate = estimateText(estimateWait(waits, s, ctx.now - p.since));
    if (estimate) lines.push(label(ANSWERS.estimate) + tagSafe(estimate));
  }
  const f = s.status === 'Failed' || s.status === 'Error' ? insight?.failure : null;
  if (f) {
    lines.push(label(ANSWERS.failed) + paint.fg('red', tagSafe(f.cause)) + (f.inferred ? ' ' + paint.fg('gray', ANSWERS.inferred) : ''));
    if (f.detail) lines.push(label('') + paint.fg('gray', tagSafe(f.detail)));
  }
  if (insight?.renew) {
    const colour = insight.renew.outcome === 'renewed' ? 'green' : 'red';
    lines.push(label(ANSWERS.renew) + paint.fg(colour, tagSafe(renewText(insight.renew))));
  }
  return lines;
}
