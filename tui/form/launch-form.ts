// The launch form's state and its pure reducer: fields by kind, choices from /context, the image picker.

import { LAUNCHABLE_KINDS, isActive, type LaunchableKind, type Session } from '../../src/domain/session.js';
import type { Image, ResourceContext } from '../../src/domain/platform.js';
import type { LaunchRecord } from '../../src/state/state.js';
import { fillFromRecord, recentLaunches } from './recent-launches.js';

/** One field of the form. */
export type FormField =
  | 'kind' | 'image' | 'name' | 'resources' | 'cores' | 'ram' | 'gpus'
  | 'cmd' | 'args' | 'env' | 'replicas' | 'registryUser' | 'registrySecret';

/** Fields edited by typing (the others are choices moved with ←/→). */
export const TEXT_FIELDS: ReadonlySet<FormField> = new Set(['image', 'name', 'cmd', 'args', 'env', 'replicas', 'registryUser', 'registrySecret']);

/** What the form holds while the user fills it. */
export interface LaunchForm {
  kind: LaunchableKind;
  image: string;
  /** The highlighted image candidate, or -1 while typing. */
  imagePick: number;
  name: string;
  /** The user typed a name (so changing the kind no longer re-suggests one). */
  nameTouched: boolean;
  fixed: boolean;
  cores: number | null;
  ram: number | null;
  gpus: number;
  cmd: string;
  args: string;
  env: string;
  replicas: string;
  registryUser: string;
  registrySecret: string;
  focus: FormField;
  submitting: boolean;
  /** The daemon's or the platform's error for the last submit, verbatim. */
  serverError: string | null;
  /** A submit was tried: show every field error, not only those of touched fields. */
  attempted: boolean;
}

/** What the form needs from the daemon state to offer choices. */
export interface FormEnv {
  context: ResourceContext | null;
  images: readonly Image[] | null;
  sessions: readonly Session[];
  launches: readonly LaunchRecord[];
}

/** Everything that can happen to the form. */
export type FormAction =
  | { type: 'next-field' }
  | { type: 'prev-field' }
  | { type: 'input'; text: string }
  | { type: 'backspace' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'down' }
  | { type: 'up' }
  | { type: 'accept-pick' }
  | { type: 'recent'; index: number }
  | { type: 'attempted' }
  | { type: 'submitting' }
  | { type: 'failed'; message: string };

/** The fields shown for the form's kind and choices, in order. */
export function visibleFields(form: LaunchForm, env: FormEnv): FormField[] {
  const fields: FormField[] = ['kind', 'image', 'name', 'resources'];
  if (form.fixed) fields.push('cores', 'ram');
  if ((env.context?.gpus.options.length ?? 0) > 0) fields.push('gpus');
  if (form.kind === 'headless') fields.push('cmd', 'args', 'env', 'replicas');
  fields.push('registryUser', 'registrySecret');
  return fields;
}

/** A free name for a kind: `<kind><n>` with the smallest n no active session uses. */
export function suggestName(kind: string, sessions: readonly Session[]): string {
  const taken = new Set(sessions.filter(isActive).map((s) => s.name));
  let n = 1;
  while (taken.has(`${kind}${n}`)) n++;
  return `${kind}${n}`;
}

/** Catalogue images of the form's kind matching every word typed in the image field. */
export function imageCandidates(form: LaunchForm, images: readonly Image[] | null): Image[] {
  if (!images) return [];
  const words = form.image.toLowerCase().split(/\s+/).filter(Boolean);
  return images
    .filter((image) => image.types.includes(form.kind))
    .filter((image) => words.every((w) => image.id.toLowerCase().includes(w)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function defaultOf(options: ResourceContext['cores'] | undefined): number | null {
  if (!options) return null;
  return options.default ?? options.defaultRequest ?? options.options[0] ?? null;
}

/** A fresh form: a notebook, flexible resources, a suggested name. */
export function newLaunchForm(env: FormEnv, kind: LaunchableKind = 'notebook'): LaunchForm {
  return {
    kind, image: '', imagePick: -1, name: suggestName(kind, env.sessions), nameTouched: false,
    fixed: false, cores: defaultOf(env.context?.cores), ram: defaultOf(env.context?.ramGB), gpus: 0,
    cmd: '', args: '', env: '', replicas: '1', registryUser: '', registrySecret: '',
    focus: 'kind', submitting: false, serverError: null, attempted: false,
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
  return { ...form, imagePick: -1, focus: cycle(fields, form.focus, step) };
}

function edit(form: LaunchForm, change: (value: string) => string): LaunchForm {
  if (!TEXT_FIELDS.has(form.focus)) return form;
  const field = form.focus as Exclude<FormField, 'kind' | 'resources' | 'cores' | 'ram' | 'gpus'>;
  const next = { ...form, [field]: change(form[field]), serverError: null };
  if (field === 'name') next.nameTouched = true;
  if (field === 'image') next.imagePick = -1;
  return next;
}

/** Pure: the form after `action`. */
export function reduceForm(form: LaunchForm, action: FormAction, env: FormEnv): LaunchForm {
  switch (action.type) {
    case 'next-field':
      return moveField(form, 1, env);
    case 'prev-field':
      return moveField(form, -1, env);
    case 'input':
      return edit(form, (v) => v + action.text);
    case 'backspace':
      return edit(form, (v) => [...v].slice(0, -1).join(''));
    case 'left':
      return choose(form, -1, env);
    case 'right':
      return choose(form, 1, env);
    case 'down': {
      const count = form.focus === 'image' ? imageCandidates(form, env.images).length : 0;
      if (form.focus === 'image' && form.imagePick + 1 < Math.min(count, 8)) return { ...form, imagePick: form.imagePick + 1 };
      return moveField(form, 1, env);
    }
    case 'up':
      if (form.focus === 'image' && form.imagePick >= 0) return { ...form, imagePick: form.imagePick - 1 };
      return moveField(form, -1, env);
    case 'accept-pick': {
      const picked = imageCandidates(form, env.images)[form.imagePick];
      return picked ? { ...form, image: picked.id, imagePick: -1, focus: 'name' } : form;
    }
    case 'recent': {
      const record = recentLaunches(env.launches)[action.index];
      return record ? fillFromRecord(form, record) : form;
    }
    case 'attempted':
      return { ...form, attempted: true };
    case 'submitting':
      return { ...form, submitting: true, serverError: null };
    case 'failed':
      return { ...form, submitting: false, serverError: action.message };
  }
}
