// Pure: the launch form as lines: fields (focused one marked, errors flagged), the image picker,
// warnings, the equivalent command, recent launches and the server's error verbatim.

import { EMPTY, FORM } from '../text.js';
import { TEXT_FIELDS, imageCandidates, visibleFields, type FormEnv, type FormField, type LaunchForm } from '../form/launch-form.js';
import { recentLaunches } from '../form/recent-launches.js';
import { formErrors, formRequest, formWarnings, launchCommandLine } from '../form/form-request.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import type { RenderContext } from './context.js';

const LABEL_WIDTH = 16;
const PICKER_ROWS = 6;

function fieldValue(form: LaunchForm, field: FormField): string {
  switch (field) {
    case 'kind':
      return form.kind;
    case 'resources':
      return form.fixed ? FORM.fixed : FORM.flexible;
    case 'cores':
      return form.cores === null ? '-' : String(form.cores);
    case 'ram':
      return form.ram === null ? '-' : String(form.ram);
    case 'gpus':
      return form.gpus === 0 ? FORM.none : String(form.gpus);
    case 'registrySecret':
      return '*'.repeat([...form.registrySecret].length);
    default:
      return terminalLine(form[field]);
  }
}

function fieldLine(form: LaunchForm, field: FormField, error: string | undefined, width: number, ctx: RenderContext): string {
  const { paint, glyphs } = ctx;
  const focused = form.focus === field;
  const label = fit(FORM[field], LABEL_WIDTH);
  const value = fieldValue(form, field);
  const shown = TEXT_FIELDS.has(field) ? value + (focused ? glyphs.cursor : '') : focused ? `< ${value} >` : `  ${value}`;
  const room = Math.max(8, width - LABEL_WIDTH - 1);
  const valueText = escapeTags(truncate(shown, error ? Math.min(room, Math.max(20, room - error.length - 3)) : room, glyphs.ellipsis));
  const head = focused ? paint.inverse(escapeTags(label)) : escapeTags(label);
  return `${head} ${focused ? paint.bold(valueText) : valueText}${error ? '  ' + paint.fg('red', escapeTags(`${glyphs.dash} ${terminalLine(error)}`)) : ''}`;
}

function pickerLines(form: LaunchForm, env: FormEnv, width: number, ctx: RenderContext): string[] {
  const indent = ' '.repeat(LABEL_WIDTH + 1);
  if (env.images === null) return [indent + ctx.paint.fg('gray', EMPTY.imagesLoading)];
  const candidates = imageCandidates(form, env.images);
  if (candidates.length === 0) return [indent + ctx.paint.fg('gray', EMPTY.imagesNone)];
  const start = Math.max(0, Math.min(form.imagePick - PICKER_ROWS + 1, candidates.length - PICKER_ROWS));
  return candidates.slice(Math.max(0, start), Math.max(0, start) + PICKER_ROWS).map((image, i) => {
    const picked = Math.max(0, start) + i === form.imagePick;
    const text = escapeTags(truncate(terminalLine(image.id), Math.max(10, width - LABEL_WIDTH - 3), ctx.glyphs.ellipsis));
    return indent + (picked ? ctx.paint.inverse(`> ${text}`) : `  ${text}`);
  });
}

/** Pure: the launch form's lines. */
export function launchFormLines(form: LaunchForm, env: FormEnv, width: number, ctx: RenderContext): string[] {
  const { paint } = ctx;
  const errors = formErrors(form, env);
  const lines: string[] = [];
  for (const field of visibleFields(form, env)) {
    // While the image field is a search with matches, its text is a query, not yet an image.
    const searching = field === 'image' && form.focus === 'image' && !form.attempted && imageCandidates(form, env.images).length > 0;
    const touched = !searching && (form.attempted || (TEXT_FIELDS.has(field) && fieldValue(form, field) !== '') || field === 'name');
    lines.push(fieldLine(form, field, touched ? errors[field] : undefined, width, ctx));
    if (field === 'image' && form.focus === 'image') lines.push(...pickerLines(form, env, width, ctx));
    if (field === 'registrySecret' && !form.registryUser) lines.push(' '.repeat(LABEL_WIDTH + 1) + paint.fg('gray', FORM.registryHint));
  }
  for (const warning of formWarnings(form, env)) lines.push(paint.fg('yellow', escapeTags(truncate(`! ${terminalLine(warning)}`, width))));
  const request = formRequest(form);
  lines.push('', FORM.command, '  ' + paint.fg('cyan', escapeTags(truncate(terminalLine(launchCommandLine(request)), width - 2, ctx.glyphs.ellipsis))));
  if (request.registryAuth) lines.push('  ' + paint.fg('gray', FORM.registryNotShown));
  const recent = recentLaunches(env.launches);
  if (recent.length > 0) {
    lines.push('', FORM.recent);
    recent.forEach((r, i) => lines.push(escapeTags(truncate(terminalLine(`  ${i + 1} ${r.request.kind} ${r.request.image} ${r.request.name}`), width, ctx.glyphs.ellipsis))));
  }
  if (form.submitting) lines.push('', paint.fg('yellow', FORM.submitting));
  if (form.serverError) lines.push('', paint.fg('red', FORM.serverError), ...wrapPlain(form.serverError, width).map((l) => paint.fg('red', escapeTags(l))));
  if (form.attempted && Object.keys(errors).length > 0) lines.push(paint.fg('red', FORM.fixErrors));
  lines.push('', paint.fg('gray', ctx.glyphs.unicode ? FORM.keys : FORM.keysAscii));
  return lines;
}

function wrapPlain(text: string, width: number): string[] {
  const clean = terminalLine(text.replace(/\r?\n/g, ' '));
  const out: string[] = [];
  for (let i = 0; i < clean.length; i += Math.max(10, width)) out.push(clean.slice(i, i + Math.max(10, width)));
  return out;
}
