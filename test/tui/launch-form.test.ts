import { describe, expect, it } from 'vitest';
import { imageCandidates, newLaunchForm, visibleFields } from '../../tui/form/launch-form.js';
import { suggestName } from '../../tui/form/suggest-name.js';
import { recentLaunches } from '../../tui/form/recent-launches.js';
import { formErrors, formRequest, formWarnings, launchCommandLine, shellQuote } from '../../tui/form/form-request.js';
import type { LaunchRecord } from '../../src/state/state.js';
import { makeSession } from '../helpers/builders.js';
import { env, images, launch, run, type } from './form/form-fixtures.js';

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
    expect(visibleFields(form, env)).toEqual(['profile', 'kind', 'image', 'name', 'resources', 'gpus', 'registryUser', 'registrySecret']);
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
    expect(imageCandidates(run(start, ...type('astro')), images).map((i) => i.id)).toEqual([
      'images.canfar.net/skaha/astroml:latest',
      'images.canfar.net/skaha/astroml-cuda:24.04',
    ]);
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
    expect(formErrors({ ...typo, image: 'skaha/desktop:1.0' }, env).image).toBe(
      'skaha/desktop:1.0 does not run as headless: the image catalogue lists it for desktop — pick one of those kinds, or an image for headless (`skaha-tui images --kind headless`)',
    );
  });

  it('edits text fields at a cursor: ←/→, Home/End, Ctrl-U/W, typing in the middle', () => {
    const headless = { ...newLaunchForm(env), kind: 'headless' as const, focus: 'cmd' as const };
    const typed = run(
      headless,
      ...type('pythn job.py'),
      { type: 'edit', edit: { type: 'home' } },
      { type: 'right' },
      { type: 'right' },
      { type: 'right' },
      { type: 'right' },
      ...type('o'),
    );
    expect(typed.cmd).toBe('python job.py');
    expect(run(typed, { type: 'edit', edit: { type: 'end' } }, { type: 'edit', edit: { type: 'kill-word' } }).cmd).toBe('python ');
    expect(run(typed, { type: 'edit', edit: { type: 'kill-start' } }).cmd).toBe('n job.py');
    expect(run(typed, { type: 'left' }).kind).toBe('headless');
    expect(run(typed, { type: 'next-field' })).toMatchObject({ focus: 'args', cursor: null });
  });

  it('offers only launches the server accepted under Recent launches', () => {
    const refused: LaunchRecord = {
      ...launch,
      id: 'l9',
      request: { ...launch.request, name: 'typo' },
      results: [{ name: 'typo', error: { code: 'SKAHA_BAD_REQUEST', message: 'no' } }],
    };
    const failed: LaunchRecord = {
      ...launch,
      id: 'l8',
      request: { ...launch.request, name: 'bad' },
      results: null,
      error: { code: 'VALIDATION_ERROR', message: 'image: x' },
    };
    expect(recentLaunches([launch, refused, failed]).map((r) => r.request.name)).toEqual(['fit']);
  });

  it('fills from a recent launch with one key (secrets never kept)', () => {
    const filled = run(newLaunchForm(env), { type: 'recent', index: 0 });
    expect(filled).toMatchObject({
      kind: 'headless',
      image: launch.request.image,
      name: 'fit',
      cmd: 'python',
      replicas: '3',
      fixed: true,
      cores: 4,
      ram: 16,
      registryUser: 'me',
      registrySecret: '',
    });
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
    const headless = {
      ...good,
      kind: 'headless' as const,
      fixed: true,
      cores: 2,
      ram: 8,
      gpus: 1,
      cmd: 'python',
      args: 'job.py --n 3',
      env: 'MODE=fast MY_TOKEN=abc',
      replicas: '3',
    };
    expect(formRequest(headless)).toEqual({
      kind: 'headless',
      image: 'images.canfar.net/skaha/astroml:latest',
      name: 'notebook2',
      cores: 2,
      ram: 8,
      gpus: 1,
      cmd: 'python',
      args: 'job.py --n 3',
      env: ['MODE=fast', 'MY_TOKEN=abc'],
      replicas: 3,
    });
    expect(launchCommandLine(formRequest(headless))).toBe(
      "skaha-tui launch headless images.canfar.net/skaha/astroml:latest --name notebook2 --cores 2 --ram 8 --gpus 1 --env MODE=fast --env 'MY_TOKEN=<redacted>' --replicas 3 -- python job.py --n 3",
    );
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
});
