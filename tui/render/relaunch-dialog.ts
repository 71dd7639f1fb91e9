// Pure: the relaunch dialog's lines: what will be launched (from the kept launch, or rebuilt), what is
// missing (unknown parameters, secrets not kept, registry credentials), and the equivalent command.

import { terminalLine } from '../../src/domain/terminal-text.js';
import { editable, type RelaunchModal } from '../relaunch-dialog.js';
import { RELAUNCH } from '../relaunch-text.js';
import { fit, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import { wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

const LABEL = 11;

/** Pure: the dialog lines for `modal`; `registry` says whether the daemon has registry credentials configured. */
export function relaunchLines(modal: RelaunchModal, registry: boolean, width: number, ctx: RenderContext): string[] {
  const { paint, glyphs } = ctx;
  const { plan } = modal;
  const request = plan.request;
  const row = (label: string, value: string) =>
    `  ${fit(label, LABEL)} ${escapeTags(truncate(terminalLine(value), Math.max(10, width - LABEL - 3), glyphs.ellipsis))}`;
  const warn = (text: string) => wrapWords(terminalLine(text), width).map((l) => paint.fg('yellow', escapeTags(l)));
  const title = modal.mode === 'session' ? RELAUNCH.relaunchTitle(modal.subject) : RELAUNCH.rerunTitle(modal.replicas.length, modal.subject, modal.total);
  const lines = [paint.bold(escapeTags(terminalLine(title))), '', plan.source === 'kept' ? RELAUNCH.kept : RELAUNCH.rebuilt];
  lines.push(row(RELAUNCH.kind, request.kind), row(RELAUNCH.image, request.image), row(RELAUNCH.name, request.name));
  const fixed = RELAUNCH.fixed(request.cores, request.ram, request.gpus);
  lines.push(row(RELAUNCH.resources, fixed === '' ? RELAUNCH.flexible : fixed));
  if (request.cmd) lines.push(row(RELAUNCH.command, [request.cmd, request.args ?? ''].join(' ').trim()));
  if (request.env && request.env.length > 0) lines.push(row(RELAUNCH.env, request.env.join(' ')));
  if (modal.mode === 'rerun') lines.push(row(RELAUNCH.replicas, RELAUNCH.replicasOf(modal.replicas, modal.total)));
  else if (plan.replica) lines.push(row(RELAUNCH.replica, RELAUNCH.replicaOf(plan.replica.number, plan.replica.of)));
  if (plan.unknown.length > 0) lines.push(...warn(plan.source === 'kept' ? RELAUNCH.tooLarge : RELAUNCH.unknown(plan.unknown)));
  if (plan.redacted.length > 0) lines.push(...warn(RELAUNCH.redacted(plan.redacted, editable(modal))));
  if (plan.registry) lines.push(...(registry ? [escapeTags(RELAUNCH.registry(true))] : warn(RELAUNCH.registry(false))));
  lines.push(
    '',
    RELAUNCH.shell,
    '  ' + paint.fg('cyan', escapeTags(truncate(terminalLine(modal.command), Math.max(10, width - 2), glyphs.ellipsis))),
    '',
    paint.bold(RELAUNCH.keys(editable(modal))),
  );
  return lines;
}
