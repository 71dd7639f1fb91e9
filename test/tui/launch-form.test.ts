import { describe, expect, it } from 'vitest';
import { imageCandidates, newLaunchForm, reduceForm, suggestName, visibleFields, type FormAction, type FormEnv, type LaunchForm } from '../../tui/form/launch-form.js';
import { recentLaunches } from '../../tui/form/recent-launches.js';
import { formErrors, formRequest, formWarnings, launchCommandLine, shellQuote } from '../../tui/form/form-request.js';
import { launchFormLines } from '../../tui/render/launch-form.js';
import { renderContext } from '../../tui/render/context.js';
import { stripTags } from '../../tui/render/paint.js';
import type { LaunchRecord } from '../../src/state/state.js';
import { makeSession, T0 } from '../helpers/builders.js';
import { stateWith } from './helpers/states.js';

const images = [
  { id: 'images.canfar.net/skaha/astroml:latest', types: ['notebook', 'headless'], digest: null },
  { id: 'images.canfar.net/skaha/astroml-cuda:24.04', types: ['notebook'], digest: null },
  { id: 'images.canfar.net/skaha/desktop:1.0', types: ['desktop'], digest: null },
  { id: 'images.canfar.net/skaha/terminal:1.1.1', types: ['headless'], digest: null },
];
const state = stateWith([makeSession({ id: 'a', name: 'notebook1' })]);
const launch: LaunchRecord = {
  id: 'l1', at: T0 - 60_000, results: [{ name: 'fit', id: 'x1' }], error: null,
  request: { kind: 'headless', image: 'images.canfar.net/skaha/terminal:1.1.1', name: 'fit', cmd: 'python', args: 'job.py --fast', env: ['MODE=fast', 'API_TOKEN=<redacted>'], replicas: 3, cores: 4, ram: 16, registryAuthUsed: true, registryUsername: 'me', envRedacted: true },
};
const env: FormEnv = { context: state.context, images, sessions: Object.values(state.sessions), launches: [launch] };
const run = (form: LaunchForm, ...actions: FormAction[]) => actions.reduce((f, a) => reduceForm(f, a, env), form);
const type = (text: string): FormAction[] => [...text].map((c) => ({ type: 'input', text: c }));
const ctx = renderContext({ now: T0 });

describe('launch form state', () => {
  it('starts as a flexible notebook with a free suggested name', () => {
    const form = newLaunchForm(env);
    expect(form).toMatchObject({ kind: 'notebook', name: 'notebook2', fixed: false, focus: 'kind' });
    expect(suggestName('desktop', env.sessions)).toBe('desktop1');
  });

  it('cycles the kind with ←/→ and re-suggests the name until the user types one', () => {
    const form = run(newLaunchForm(env), { type: 'right' });
    expect(form).toMatchObject({ kind: 'desktop', name: 'desktop1' });
    const typed = run(form, { type: 'next-field' }, { type: 'next-field' }, { type: 'backspace' }, ...type('x'));
    expect(typed.name).toBe('desktopx');
    expect(run({ ...typed, focus: 'kind' }, { type: 'left' }).name).toBe('desktopx');
  });

  it('shows cores and RAM only for fixed resources, GPUs when offered, headless fields for headless', () => {
    const form = newLaunchForm(env);
    expect(visibleFields(form, env)).toEqual(['kind', 'image', 'name', 'resources', 'gpus', 'registryUser', 'registrySecret']);
    const fixed = run({ ...form, focus: 'resources' }, { type: 'right' });
    expect(visibleFields(fixed, env)).toContain('cores');
    expect(fixed).toMatchObject({ fixed: true, cores: 2, ram: 8 });
    const headless = { ...form, kind: 'headless' as const };
    expect(visibleFields(headless, env)).toEqual(expect.arrayContaining(['cmd', 'args', 'env', 'replicas']));
    expect(visibleFields(form, { ...env, context: { ...env.context!, gpus: { options: [] } } })).not.toContain('gpus');
  });

  it('chooses cores and RAM among the context options', () => {
    const fixed = { ...newLaunchForm(env), fixed: true, focus: 'cores' as const };
    expect(run(fixed, { type: 'right' }).cores).toBe(4);
    expect(run(fixed, { type: 'left' }, { type: 'left' }).cores).toBe(16);
    expect(run({ ...fixed, focus: 'gpus' }, { type: 'right' }).gpus).toBe(1);
  });

  it('filters images by kind and typed words, and picks one with ↓ and Enter', () => {
    const form = run({ ...newLaunchForm(env), focus: 'image' }, ...type('cuda'));
    expect(imageCandidates(form, images).map((i) => i.id)).toEqual(['images.canfar.net/skaha/astroml-cuda:24.04']);
    const all = { ...newLaunchForm(env), focus: 'image' as const };
    expect(imageCandidates(all, images)).toHaveLength(2);
    const picked = run(all, { type: 'down' }, { type: 'accept-pick' });
    expect(picked).toMatchObject({ image: 'images.canfar.net/skaha/astroml:latest', focus: 'name' });
    expect(run(all, { type: 'down' }, { type: 'up' }).imagePick).toBe(-1);
  });

  it('accepts a full image name as typed: Tab moves on, nothing to complete or pick', () => {
    const typed = run({ ...newLaunchForm(env), focus: 'image' }, ...type('skaha/astroml:latest'));
    expect(formErrors(typed, env)).toEqual({});
    expect(formRequest(typed).image).toBe('images.canfar.net/skaha/astroml:latest');
    expect(run(typed, { type: 'next-field' })).toMatchObject({ focus: 'name', image: 'skaha/astroml:latest' });
  });

  it('narrows the suggestions as you type; Tab completes the highlighted one, a second Tab moves on', () => {
    const start = { ...newLaunchForm(env), focus: 'image' as const };
    expect(imageCandidates(run(start, ...type('astro')), images).map((i) => i.id)).toEqual(['images.canfar.net/skaha/astroml:latest', 'images.canfar.net/skaha/astroml-cuda:24.04']);
    expect(imageCandidates(run(start, ...type('astroml:')), images).map((i) => i.id)).toEqual(['images.canfar.net/skaha/astroml:latest']);
    const completed = run(start, ...type('astroml:'), { type: 'next-field' });
    expect(completed).toMatchObject({ image: 'images.canfar.net/skaha/astroml:latest', focus: 'image' });
    expect(run(completed, { type: 'next-field' }).focus).toBe('name');
    const second = run(start, ...type('astro'), { type: 'down' }, { type: 'next-field' });
    expect(second.image).toBe('images.canfar.net/skaha/astroml-cuda:24.04');
  });

  it('refuses an image the catalogue does not list, with the closest match, unless registry credentials are there', () => {
    const typo = { ...newLaunchForm(env), kind: 'headless' as const, image: 'skaha/astroml:lates' };
    expect(formErrors(typo, env).image).toMatch(/^skaha\/astroml:lates is not in the image catalogue — did you mean skaha\/astroml:latest\?/);
    expect(formErrors(typo, { ...env, registry: true }).image).toBeUndefined();
    expect(formErrors({ ...typo, registryUser: 'me', registrySecret: 's' }, env).image).toBeUndefined();
    expect(formErrors({ ...typo, image: 'skaha/desktop:1.0' }, env).image).toBe('skaha/desktop:1.0 does not run as headless: the image catalogue lists it for desktop — pick one of those kinds, or an image for headless (`skaha-tui images --kind headless`)');
  });

  it('edits text fields at a cursor: ←/→, Home/End, Ctrl-U/W, typing in the middle', () => {
    const headless = { ...newLaunchForm(env), kind: 'headless' as const, focus: 'cmd' as const };
    const typed = run(headless, ...type('pythn job.py'), { type: 'edit', edit: { type: 'home' } }, { type: 'right' }, { type: 'right' }, { type: 'right' }, { type: 'right' }, ...type('o'));
    expect(typed.cmd).toBe('python job.py');
    expect(run(typed, { type: 'edit', edit: { type: 'end' } }, { type: 'edit', edit: { type: 'kill-word' } }).cmd).toBe('python ');
    expect(run(typed, { type: 'edit', edit: { type: 'kill-start' } }).cmd).toBe('n job.py');
    expect(run(typed, { type: 'left' }).kind).toBe('headless');
    expect(run(typed, { type: 'next-field' })).toMatchObject({ focus: 'args', cursor: null });
  });

  it('offers only launches the server accepted under Recent launches', () => {
    const refused: LaunchRecord = { ...launch, id: 'l9', request: { ...launch.request, name: 'typo' }, results: [{ name: 'typo', error: { code: 'SKAHA_BAD_REQUEST', message: 'no' } }] };
    const failed: LaunchRecord = { ...launch, id: 'l8', request: { ...launch.request, name: 'bad' }, results: null, error: { code: 'VALIDATION_ERROR', message: 'image: x' } };
    expect(recentLaunches([launch, refused, failed]).map((r) => r.request.name)).toEqual(['fit']);
  });

  it('fills from a recent launch with one key (secrets never kept)', () => {
    const filled = run(newLaunchForm(env), { type: 'recent', index: 0 });
    expect(filled).toMatchObject({ kind: 'headless', image: launch.request.image, name: 'fit', cmd: 'python', replicas: '3', fixed: true, cores: 4, ram: 16, registryUser: 'me', registrySecret: '' });
    expect(formErrors(filled, env)).toMatchObject({ env: expect.stringContaining('<redacted>'), registrySecret: expect.stringContaining('secret') });
    expect(recentLaunches([launch, { ...launch, id: 'l2' }, { ...launch, id: 'l3', request: { ...launch.request, name: 'other' } }])).toHaveLength(1);
  });
});

describe('launch form validation and command', () => {
  const good = { ...newLaunchForm(env), image: 'skaha/astroml:latest' };

  it('flags invalid fields before submit', () => {
    expect(formErrors(good, env)).toEqual({});
    expect(formErrors({ ...good, image: '' }, env).image).toMatch(/required/);
    expect(formErrors({ ...good, name: 'bad name!' }, env).name).toMatch(/letters, digits/);
    expect(formErrors({ ...good, kind: 'headless', replicas: 'x' }, env).replicas).toMatch(/whole number/);
    expect(formErrors({ ...good, kind: 'headless', env: 'NOEQUALS' }, env).env).toMatch(/KEY=VALUE/);
    expect(formErrors({ ...good, kind: 'headless', replicas: '600' }, env).replicas).toMatch(/512/);
  });

  it('warns about a taken name and the interactive cap without blocking', () => {
    expect(formWarnings({ ...good, name: 'notebook1' }, env)).toEqual(['an active session is already called notebook1']);
    const full = { ...env, sessions: Array.from({ length: 5 }, (_, i) => makeSession({ id: `s${i}`, name: `n${i}` })) };
    expect(formWarnings(good, full)[0]).toMatch(/5\/5 interactive sessions/);
  });

  it('builds the request and the equivalent command line (secret env values redacted)', () => {
    const headless = { ...good, kind: 'headless' as const, fixed: true, cores: 2, ram: 8, gpus: 1, cmd: 'python', args: 'job.py --n 3', env: 'MODE=fast MY_TOKEN=abc', replicas: '3' };
    expect(formRequest(headless)).toEqual({
      kind: 'headless', image: 'images.canfar.net/skaha/astroml:latest', name: 'notebook2', cores: 2, ram: 8, gpus: 1, cmd: 'python', args: 'job.py --n 3', env: ['MODE=fast', 'MY_TOKEN=abc'], replicas: 3,
    });
    expect(launchCommandLine(formRequest(headless))).toBe(
      "skaha-tui launch headless images.canfar.net/skaha/astroml:latest --name notebook2 --cores 2 --ram 8 --gpus 1 --env MODE=fast --env 'MY_TOKEN=<redacted>' --replicas 3 -- python job.py --n 3",
    );
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});

describe('launch form render', () => {
  it('shows fields, the focused one marked, errors, the command, recent launches and the server error verbatim', () => {
    const form = { ...newLaunchForm(env), focus: 'image' as const, image: 'astro', serverError: 'SKAHA_BAD_REQUEST: image not allowed: foo' };
    const lines = launchFormLines(form, env, 100, ctx).map(stripTags);
    expect(lines[0]).toMatch(/^Kind\s+notebook$/);
    // While typing a query with matches the format error waits; the matches are shown instead.
    expect(lines[1]).toBe('Image            astro▏');
    expect(lines[2]).toBe('                 > images.canfar.net/skaha/astroml:latest');
    expect(lines[3]).toBe('                   images.canfar.net/skaha/astroml-cuda:24.04');
    expect(lines).toContain('Equivalent command:');
    expect(lines.some((l) => l.startsWith('  skaha-tui launch notebook astro --name notebook2'))).toBe(true);
    expect(lines).toContain('  1 headless images.canfar.net/skaha/terminal:1.1.1 fit');
    expect(lines).toContain('SKAHA_BAD_REQUEST: image not allowed: foo');
  });

  it('flags an image that matches nothing, and any invalid field after a submit attempt', () => {
    const form = { ...newLaunchForm(env), focus: 'image' as const, image: 'zzz' };
    const lines = launchFormLines(form, env, 100, ctx).map(stripTags);
    expect(lines[1]).toBe('Image            zzz▏');
    expect(lines[2]).toMatch(/^\s{17}— must look like project\/name/);
    const tried = { ...newLaunchForm(env), attempted: true };
    expect(launchFormLines(tried, env, 100, ctx).map(stripTags)[1]).toMatch(/^Image\s+— is required/);
  });

  it('shows the equivalent command whole, wrapped where a shell allows, never cut', () => {
    const long = { ...newLaunchForm(env), kind: 'headless' as const, image: 'skaha/terminal:1.1.1', cmd: 'python3', args: '/arc/home/alice/pipelines/reduce.py --input /arc/projects/survey/raw --output /arc/projects/survey/reduced --verbose', replicas: '4' };
    const lines = launchFormLines(long, env, 80, ctx).map(stripTags);
    const from = lines.indexOf('Equivalent command:') + 1;
    const command = lines.slice(from, lines.indexOf('', from));
    expect(command.length).toBeGreaterThan(1);
    expect(command.join('\n')).not.toContain('…');
    for (const line of command) expect([...line].length).toBeLessThanOrEqual(80);
    expect(command.map((l) => l.trim().replace(/ \\$/, '')).join(' ')).toBe(launchCommandLine(formRequest(long)));
  });

  it('never breaks the command inside a quoted word (a backslash there would change it), and warns that Command is one program name', () => {
    const form = { ...newLaunchForm(env), kind: 'headless' as const, image: 'skaha/terminal:1.1.1', cmd: 'python3 /arc/home/alice/pipelines/reduce.py --title x' };
    const lines = launchFormLines(form, env, 70, ctx).map(stripTags);
    const from = lines.indexOf('Equivalent command:') + 1;
    const command = lines.slice(from, lines.indexOf('', from));
    expect(command.length).toBeGreaterThan(1);
    for (const line of command.slice(0, -1)) {
      expect(line).toMatch(/ \\$/);
      expect((line.match(/'/g) ?? []).length % 2, line).toBe(0);
    }
    expect(lines.join(' ')).toContain('! Skaha runs Command as one program name: put its arguments under Arguments');
  });

  it('says a mixed-case name is stored in lower case', () => {
    const lines = launchFormLines({ ...newLaunchForm(env), name: 'MyNotebook', image: 'skaha/astroml:latest' }, env, 100, ctx).map(stripTags);
    expect(lines).toContain("! stored as 'mynotebook': Skaha lowercases names");
  });

  it('when no image of the kind matches, says which kinds the matching images are for', () => {
    const form = { ...newLaunchForm(env), kind: 'desktop' as const, focus: 'image' as const, image: 'term' };
    expect(launchFormLines(form, env, 100, ctx).map(stripTags)).toContain('                 no desktop image matches: skaha/terminal:1.1.1 is for headless');
  });

  it('masks the registry secret', () => {
    const lines = launchFormLines({ ...newLaunchForm(env), registryUser: 'me', registrySecret: 'hunter2', image: 'a/b' }, env, 100, ctx).map(stripTags);
    expect(lines.join('\n')).not.toContain('hunter2');
    expect(lines.some((l) => /^Registry secret\s+\*{7}$/.test(l))).toBe(true);
    expect(lines).toContain('  (registry credentials are not shown)');
  });
});
