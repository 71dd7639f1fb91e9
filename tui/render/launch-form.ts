// Pure: the launch form as lines: fields (focused one marked, the cursor shown, errors flagged), the
// image suggestions, warnings, the equivalent command (whole), recent launches and the server's error.

import { EMPTY, FORM } from '../text.js';
import { PROFILE } from '../relaunch-text.js';
import { TEXT_FIELDS, visibleFields, type FormEnv, type FormField, type LaunchForm } from '../form/launch-form.js';
import { highlightedIndex, imageCandidates, otherKindMatches } from '../form/image-picker.js';
import { shortImage } from '../../src/domain/image-catalogue.js';
import { recentLaunches } from '../form/recent-launches.js';
import { formErrors, formRequest, formWarnings, launchCommandWords } from '../form/form-request.js';
import { terminalLine } from '../../src/domain/terminal-text.js';
import { fit, textWidth, truncate } from './cells.js';
import { escapeTags } from './paint.js';
import { fitOrWrap, wrapWords } from './wrap-words.js';
import type { RenderContext } from './context.js';

const LABEL_WIDTH = 16;
const PICKER_ROWS = 6;
const INDENT = ' '.repeat(LABEL_WIDTH + 1);
// Keeps the spaces inside a quoted shell word from being taken as places to wrap.
const NO_BREAK = '\ue000';

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

/** `value` with the cursor glyph at `cursor`, cut to `room` columns around the cursor (an ellipsis marks each cut end). */
export function withCursor(value: string, cursor: number | null, room: number, glyph: string, ellipsis: string): string {
  const chars = [...value];
  const at = cursor === null ? chars.length : Math.min(cursor, chars.length);
  const all = [...chars.slice(0, at), glyph, ...chars.slice(at)];
  if (all.length <= room) return all.join('');
  const start = Math.max(0, Math.min(at - Math.floor(room / 2), all.length - room));
  const view = all.slice(start, start + room);
  if (start > 0) view[0] = ellipsis;
  if (start + room < all.length) view[view.length - 1] = ellipsis;
  return view.join('');
}

function fieldLines(form: LaunchForm, field: FormField, error: string | undefined, width: number, ctx: RenderContext): string[] {
  const { paint, glyphs } = ctx;
  const focused = form.focus === field;
  const label = fit(FORM[field], LABEL_WIDTH);
  const value = fieldValue(form, field);
  const room = Math.max(8, width - LABEL_WIDTH - 1);
  const cursor = field === 'registrySecret' ? Math.min(form.cursor ?? Infinity, value.length) : form.cursor;
  const shown = TEXT_FIELDS.has(field)
    ? focused
      ? withCursor(value, cursor, room, glyphs.cursor, glyphs.ellipsis)
      : truncate(value, room, glyphs.ellipsis)
    : truncate(focused ? `< ${value} >` : `  ${value}`, room, glyphs.ellipsis);
  const head = focused ? paint.inverse(escapeTags(label)) : escapeTags(label);
  const body = focused ? paint.bold(escapeTags(shown)) : escapeTags(shown);
  if (!error) return [`${head} ${body}`];
  const note = `${glyphs.dash} ${terminalLine(error)}`;
  // A short error fits after the value; a long one (a suggestion) gets its own lines under it.
  if (textWidth(shown) + 2 + textWidth(note) <= room) return [`${head} ${body}  ${paint.fg('red', escapeTags(note))}`];
  return [`${head} ${body}`, ...wrapWords(note, room).map((l) => INDENT + paint.fg('red', escapeTags(l)))];
}

function pickerLines(form: LaunchForm, env: FormEnv, width: number, ctx: RenderContext): string[] {
  if (env.images === null) return [INDENT + ctx.paint.fg('gray', EMPTY.imagesLoading)];
  const candidates = imageCandidates(form, env.images);
  if (candidates.length === 0) {
    // Say where the text does match: an image of another kind is the usual reason.
    const others = otherKindMatches(form, env.images)
      .slice(0, 2)
      .map((i) => FORM.imageKinds(shortImage(i.id), i.types));
    const text = others.length > 0 ? FORM.noImageOfKind(form.kind, others) : EMPTY.imagesNone;
    return wrapWords(terminalLine(text), Math.max(10, width - LABEL_WIDTH - 1)).map((l) => INDENT + ctx.paint.fg('gray', escapeTags(l)));
  }
  const highlighted = highlightedIndex(form, env.images);
  const start = Math.max(0, Math.min(highlighted - PICKER_ROWS + 1, candidates.length - PICKER_ROWS));
  const lines = candidates.slice(start, start + PICKER_ROWS).map((image, i) => {
    const text = escapeTags(truncate(terminalLine(image.id), Math.max(10, width - LABEL_WIDTH - 3), ctx.glyphs.ellipsis));
    return INDENT + (start + i === highlighted ? ctx.paint.inverse(`> ${text}`) : `  ${text}`);
  });
  const more = candidates.length - start - lines.length;
  return more > 0 ? [...lines, INDENT + ctx.paint.fg('gray', `  ${FORM.moreImages(more)}`)] : lines;
}

// Under the Profile field: the saved names, and the keys when it has the focus.
function profileHint(form: LaunchForm, width: number): string[] {
  if (form.profiles === null) return [];
  const saved = form.profiles.length > 0 ? PROFILE.saved(form.profiles.map(terminalLine)) : PROFILE.noneSaved;
  const room = Math.max(10, width - LABEL_WIDTH - 1);
  return [...wrapWords(saved, room), ...(form.focus === 'profile' ? wrapWords(PROFILE.hint, room) : [])];
}

/** Pure: the launch form's lines, and which of them is the focused field (to keep it in view). */
export function launchFormView(form: LaunchForm, env: FormEnv, width: number, ctx: RenderContext): { lines: string[]; focusLine: number } {
  const { paint, glyphs } = ctx;
  const errors = formErrors(form, env);
  const lines: string[] = [];
  let focusLine = 0;
  for (const field of visibleFields(form, env)) {
    // While the image field is a search with matches, its text is a query, not yet an image.
    const searching = field === 'image' && form.focus === 'image' && !form.attempted && imageCandidates(form, env.images).length > 0;
    const touched = !searching && (form.attempted || (TEXT_FIELDS.has(field) && fieldValue(form, field) !== '') || field === 'name');
    if (field === form.focus) focusLine = lines.length;
    lines.push(...fieldLines(form, field, touched ? errors[field] : undefined, width, ctx));
    if (field === 'image' && form.focus === 'image') lines.push(...pickerLines(form, env, width, ctx));
    if (field === 'registrySecret' && !form.registryUser) lines.push(INDENT + paint.fg('gray', FORM.registryHint));
    if (field === 'profile') lines.push(...profileHint(form, width).map((l) => INDENT + paint.fg('gray', escapeTags(l))));
  }
  for (const warning of formWarnings(form, env)) lines.push(...wrapWords(`! ${terminalLine(warning)}`, width).map((l) => paint.fg('yellow', escapeTags(l))));
  const request = formRequest(form);
  // The whole command, wrapped only between shell words (` \` at each break), so it can be copied as is.
  const words = launchCommandWords(request).map((w) => terminalLine(w).replace(/ /g, NO_BREAK));
  const command = wrapWords(words.join(' '), width - 2, { suffix: ' \\', indent: '    ' }).map((l) => l.replaceAll(NO_BREAK, ' '));
  lines.push('', FORM.command, ...command.map((l) => '  ' + paint.fg('cyan', escapeTags(l))));
  if (request.registryAuth) lines.push('  ' + paint.fg('gray', FORM.registryNotShown));
  const recent = recentLaunches(env.launches);
  if (recent.length > 0) {
    lines.push('', FORM.recent);
    recent.forEach((r, i) =>
      lines.push(escapeTags(truncate(terminalLine(`  ${i + 1} ${r.request.kind} ${r.request.image} ${r.request.name}`), width, glyphs.ellipsis))),
    );
  }
  if (form.submitting) lines.push('', paint.fg('yellow', FORM.submitting));
  if (form.serverError)
    lines.push(
      '',
      paint.fg('red', FORM.serverError),
      ...wrapWords(terminalLine(form.serverError.replace(/\r?\n/g, ' ')), width).map((l) => paint.fg('red', escapeTags(l))),
    );
  if (form.attempted && Object.keys(errors).length > 0) lines.push(paint.fg('red', FORM.fixErrors));
  const keys = form.focus === 'image' ? (glyphs.unicode ? FORM.keysImage : FORM.keysImageAscii) : glyphs.unicode ? FORM.keys : FORM.keysAscii;
  lines.push('', ...fitOrWrap(keys, width).map((l) => paint.fg('gray', escapeTags(l))));
  return { lines, focusLine };
}

/** Pure: the launch form's lines. */
export function launchFormLines(form: LaunchForm, env: FormEnv, width: number, ctx: RenderContext): string[] {
  return launchFormView(form, env, width, ctx).lines;
}

/** Pure: at most `height` lines of the form, scrolled to keep the focused field (and what follows it) in view; a cut end says so. */
export function launchFormWindow(form: LaunchForm, env: FormEnv, width: number, height: number, ctx: RenderContext): string[] {
  const { lines, focusLine } = launchFormView(form, env, width, ctx);
  if (lines.length <= height) return lines;
  const start = Math.max(0, Math.min(focusLine - 2, lines.length - height));
  const shown = lines.slice(start, start + height);
  if (start > 0) shown[0] = ctx.paint.fg('gray', FORM.moreAbove(start));
  if (start + height < lines.length) shown[shown.length - 1] = ctx.paint.fg('gray', FORM.moreBelow(lines.length - start - height + 1));
  return shown;
}
