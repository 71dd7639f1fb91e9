import { describe, expect, it } from 'vitest';
import { newLaunchForm } from '../../../tui/form/launch-form.js';
import { formRequest, launchCommandLine } from '../../../tui/form/form-request.js';
import { launchFormLines } from '../../../tui/render/launch-form.js';
import { stripTags } from '../../../tui/render/paint.js';
import { ctx, env } from './form-fixtures.js';

describe('launch form render', () => {
  it('shows fields, the focused one marked, errors, the command, recent launches and the server error verbatim', () => {
    const form = { ...newLaunchForm(env), focus: 'image' as const, image: 'astro', serverError: 'SKAHA_BAD_REQUEST: image not allowed: foo' };
    const lines = launchFormLines(form, env, 100, ctx).map(stripTags);
    expect(lines[0]).toMatch(/^Profile\s*$/);
    expect(lines[1]).toMatch(/^Kind\s+notebook$/);
    // While typing a query with matches the format error waits; the matches are shown instead.
    expect(lines[2]).toBe('Image            astro▏');
    expect(lines[3]).toBe('                 > images.canfar.net/skaha/astroml:latest');
    expect(lines[4]).toBe('                   images.canfar.net/skaha/astroml-cuda:24.04');
    expect(lines).toContain('Equivalent command:');
    expect(lines.some((l) => l.startsWith('  skaha-tui launch notebook astro --name notebook2'))).toBe(true);
    expect(lines).toContain('  1 headless images.canfar.net/skaha/terminal:1.1.1 fit');
    expect(lines).toContain('SKAHA_BAD_REQUEST: image not allowed: foo');
  });

  it('flags an image that matches nothing, and any invalid field after a submit attempt', () => {
    const form = { ...newLaunchForm(env), focus: 'image' as const, image: 'zzz' };
    const lines = launchFormLines(form, env, 100, ctx).map(stripTags);
    expect(lines[2]).toBe('Image            zzz▏');
    expect(lines[3]).toMatch(/^\s{17}— must look like project\/name/);
    const tried = { ...newLaunchForm(env), attempted: true };
    expect(launchFormLines(tried, env, 100, ctx).map(stripTags)[2]).toMatch(/^Image\s+— is required/);
  });

  it('shows the equivalent command whole, wrapped where a shell allows, never cut', () => {
    const long = {
      ...newLaunchForm(env),
      kind: 'headless' as const,
      image: 'skaha/terminal:1.1.1',
      cmd: 'python3',
      args: '/arc/home/alice/pipelines/reduce.py --input /arc/projects/survey/raw --output /arc/projects/survey/reduced --verbose',
      replicas: '4',
    };
    const lines = launchFormLines(long, env, 80, ctx).map(stripTags);
    const from = lines.indexOf('Equivalent command:') + 1;
    const command = lines.slice(from, lines.indexOf('', from));
    expect(command.length).toBeGreaterThan(1);
    expect(command.join('\n')).not.toContain('…');
    for (const line of command) expect([...line].length).toBeLessThanOrEqual(80);
    expect(command.map((l) => l.trim().replace(/ \\$/, '')).join(' ')).toBe(launchCommandLine(formRequest(long)));
  });

  it('never breaks the command inside a quoted word (a backslash there would change it), and warns that Command is one program name', () => {
    const form = {
      ...newLaunchForm(env),
      kind: 'headless' as const,
      image: 'skaha/terminal:1.1.1',
      cmd: 'python3 /arc/home/alice/pipelines/reduce.py --title x',
    };
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
