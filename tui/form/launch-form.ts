// The launch form's state and its pure reducer: fields by kind, choices from /context, the image picker.

import { LAUNCHABLE_KINDS, type LaunchableKind } from '../../src/domain/session.js';
import type { ResourceContext } from '../../src/domain/platform.js';
import type { JobSpec } from '../../src/domain/job-spec.js';
import { fillFromRecord, recentLaunches } from './recent-launches.js';
import { fillFromJob } from './form-profile.js';
import { suggestName } from './suggest-name.js';
import { applyEdit, type EditAction } from './text-edit.js';
import { completion, highlightedIndex, imageCandidates } from './image-picker.js';
import type { FormEnv, FormField, LaunchForm } from './launch-form-types.js';

/** The form's types live in their own file (the picker and recent launches need them); re-exported for the form's callers. */
export type { FormEnv, FormField, LaunchForm } from './launch-form-types.js';
/** The picker lives in its own file; re-exported for the form's callers. */
export { imageCandidates } from './image-picker.js';

/** Fields edited by typing (the others are choices moved with ←/→). */
export const TEXT_FIELDS: ReadonlySet<FormField> = new Set(['profile', 'image', 'name', 'cmd', 'args', 'env', 'replicas', 'registryUser', 'registrySecret']);

/** Everything that can happen to the form. */
export type FormAction =
  | { type: 'next-field' }
  | { type: 'prev-field' }
  | { type: 'input'; text: string }
  | { type: 'backspace' }
  /** Cursor moves, deletions and kills in the focused text field. */
  | { type: 'edit'; edit: EditAction }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'down' }
  | { type: 'up' }
  | { type: 'accept-pick' }
  | { type: 'recent'; index: number }
  | { type: 'profiles'; names: string[] }
  | { type: 'load-job'; job: JobSpec }
  | { type: 'attempted' }
  | { type: 'submitting' }
  | { type: 'failed'; message: string };

/** The fields shown for the form's kind and choices, in order. */
export function visibleFields(form: LaunchForm, env: FormEnv): FormField[] {
  const fields: FormField[] = ['profile', 'kind', 'image', 'name', 'resources'];
  if (form.fixed) fields.push('cores', 'ram');
  if ((env.context?.gpus.options.length ?? 0) > 0) fields.push('gpus');
  if (form.kind === 'headless') fields.push('cmd', 'args', 'env', 'replicas');
  fields.push('registryUser', 'registrySecret');
  return fields;
}

function defaultOf(options: ResourceContext['cores'] | undefined): number | null {
  if (!options) return null;
  return options.default ?? options.defaultRequest ?? options.options[0] ?? null;
}

/** A fresh form: a notebook, flexible resources, a suggested name. */
export function newLaunchForm(env: FormEnv, kind: LaunchableKind = 'notebook'): LaunchForm {
  return {
    profile: '',
    profiles: null,
    kind,
    image: '',
    imagePick: -1,
    cursor: null,
    name: suggestName(kind, env.sessions),
    nameTouched: false,
    fixed: false,
    cores: defaultOf(env.context?.cores),
    ram: defaultOf(env.context?.ramGB),
    gpus: 0,
    cmd: '',
    args: '',
    env: '',
    replicas: '1',
    registryUser: '',
    registrySecret: '',
    focus: 'kind',
    submitting: false,
    serverError: null,
    attempted: false,
  };
}

function cycle<T>(values: readonly T[], current: T, step: number): T {
  if (values.length === 0) return current;
  const i = values.indexOf(current);
  return values[(((i < 0 ? 0 : i + step) % values.length) + values.length) % values.length];
}

function choose(form: LaunchForm, step: number, env: FormEnv): LaunchForm {
  switch (form.focus) {
    case 'kind': {
      const kind = cycle(LAUNCHABLE_KINDS, form.kind, step);
      return { ...form, kind, imagePick: -1, name: form.nameTouched ? form.name : suggestName(kind, env.sessions) };
    }
    case 'resources':
      return { ...form, fixed: !form.fixed };
    case 'cores':
      return { ...form, cores: cycle(env.context?.cores.options ?? [], form.cores ?? 0, step) };
    case 'ram':
      return { ...form, ram: cycle(env.context?.ramGB.options ?? [], form.ram ?? 0, step) };
    case 'gpus':
      return { ...form, gpus: cycle([0, ...(env.context?.gpus.options ?? []).filter((g) => g > 0)], form.gpus, step) };
    default:
      return form;
  }
}

function moveField(form: LaunchForm, step: number, env: FormEnv): LaunchForm {
  const fields = visibleFields(form, env);
  return { ...form, imagePick: -1, cursor: null, focus: cycle(fields, form.focus, step) };
}

type TextField = Exclude<FormField, 'kind' | 'resources' | 'cores' | 'ram' | 'gpus'>;

function edit(form: LaunchForm, action: EditAction): LaunchForm {
  if (!TEXT_FIELDS.has(form.focus)) return form;
  const field = form.focus as TextField;
  const after = applyEdit({ text: form[field], cursor: form.cursor }, action);
  if (after.text === form[field]) return { ...form, cursor: after.cursor };
  const next = { ...form, [field]: after.text, cursor: after.cursor, serverError: null };
  if (field === 'name') next.nameTouched = true;
  if (field === 'image') next.imagePick = -1;
  return next;
}

/** Tab: in the image field it first completes to the highlighted suggestion; otherwise, and then, it moves on. */
function tab(form: LaunchForm, env: FormEnv): LaunchForm {
  const image = form.focus === 'image' ? completion(form, env.images) : null;
  return image ? { ...form, image, imagePick: -1, cursor: null, serverError: null } : moveField(form, 1, env);
}

/** Pure: the form after `action`. */
export function reduceForm(form: LaunchForm, action: FormAction, env: FormEnv): LaunchForm {
  switch (action.type) {
    case 'next-field':
      return tab(form, env);
    case 'prev-field':
      return moveField(form, -1, env);
    case 'input':
      return edit(form, { type: 'insert', text: action.text });
    case 'backspace':
      return edit(form, { type: 'backspace' });
    case 'edit':
      return edit(form, action.edit);
    case 'left':
      return TEXT_FIELDS.has(form.focus) ? edit(form, { type: 'cursor-left' }) : choose(form, -1, env);
    case 'right':
      return TEXT_FIELDS.has(form.focus) ? edit(form, { type: 'cursor-right' }) : choose(form, 1, env);
    case 'down': {
      const next = form.focus === 'image' ? highlightedIndex(form, env.images) + 1 : 0;
      if (form.focus === 'image' && next < imageCandidates(form, env.images).length) return { ...form, imagePick: next };
      return moveField(form, 1, env);
    }
    case 'up':
      if (form.focus === 'image' && form.imagePick >= 0) return { ...form, imagePick: form.imagePick - 1 };
      return moveField(form, -1, env);
    case 'accept-pick': {
      const picked = imageCandidates(form, env.images)[form.imagePick];
      return picked ? { ...form, image: picked.id, imagePick: -1, cursor: null, focus: 'name' } : form;
    }
    case 'recent': {
      const record = recentLaunches(env.launches)[action.index];
      return record ? fillFromRecord(form, record) : form;
    }
    case 'profiles':
      return { ...form, profiles: action.names };
    case 'load-job':
      return fillFromJob(form, action.job, env.sessions);
    case 'attempted':
      return { ...form, attempted: true };
    case 'submitting':
      return { ...form, submitting: true, serverError: null };
    case 'failed':
      return { ...form, submitting: false, serverError: action.message };
  }
}
