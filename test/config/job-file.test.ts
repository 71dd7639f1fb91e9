import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jobFileText, MAX_JOB_FILE_BYTES, parseJobText, readJobFile } from '../../src/config/job-file.js';
import { listProfiles, loadProfile, profileNames, saveProfile } from '../../src/config/profiles.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jobs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('job files', () => {
  it('reads YAML and JSON alike, and writes text that reads back the same', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.yaml'), 'kind: headless\nimage: skaha/terminal:1.1.1\nenv:\n  A: "1"\n');
    writeFileSync(join(dir, 'a.json'), '{"kind": "headless", "image": "skaha/terminal:1.1.1", "env": {"A": "1"}}');
    const yaml = await readJobFile(join(dir, 'a.yaml'));
    expect(yaml).toEqual({ kind: 'headless', image: 'skaha/terminal:1.1.1', env: ['A=1'] });
    expect(await readJobFile(join(dir, 'a.json'))).toEqual(yaml);
    const job = {
      kind: 'headless' as const,
      image: 'i',
      name: 'fit',
      cores: 2,
      args: 'a: b # c',
      env: ['X=<redacted>', 'Y=yes'],
      registry: 'configured' as const,
    };
    const text = jobFileText(job);
    expect(text.startsWith('# skaha-tui job file')).toBe(true);
    expect(parseJobText(text, 'x')).toEqual(job);
  });

  it('refuses what is not YAML, a file too big, and one that is missing, saying which file', async () => {
    const dir = temp();
    expect(() => parseJobText('kind: [unclosed', 'bad.yaml')).toThrow(/^bad\.yaml is not valid YAML or JSON: /);
    expect(() => parseJobText('kind: a\nkind: b\n', 'dup.yaml')).toThrow(/dup\.yaml is not valid YAML or JSON: .*[Uu]nique/);
    // Aliases that would expand enormously are refused, not expanded.
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(() => parseJobText(bomb, 'bomb.yaml')).toThrow(/bomb\.yaml is not valid YAML or JSON/);
    writeFileSync(join(dir, 'big.yaml'), `cmd: ${'x'.repeat(MAX_JOB_FILE_BYTES)}\n`);
    await expect(readJobFile(join(dir, 'big.yaml'))).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringContaining('is larger than 256 KiB'),
    });
    await expect(readJobFile(join(dir, 'none.yaml'))).rejects.toMatchObject({
      code: 'USAGE_ERROR',
      message: `cannot read the job file ${join(dir, 'none.yaml')}: there is no such file`,
    });
  });
});

describe('profiles', () => {
  it('saves private job files, lists and loads them by name', async () => {
    const dir = join(temp(), 'profiles');
    expect(await profileNames(dir)).toEqual([]);
    const file = await saveProfile(dir, 'big-gpu', { kind: 'notebook', image: 'skaha/astroml:latest', cores: 8, ram: 32, gpus: 1 });
    expect(file).toBe(join(dir, 'big-gpu.yaml'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await saveProfile(dir, 'small', { kind: 'notebook', image: 'skaha/astroml:latest' });
    writeFileSync(join(dir, 'broken.yaml'), 'secret: x\n');
    expect(await loadProfile(dir, 'big-gpu')).toEqual({ kind: 'notebook', image: 'skaha/astroml:latest', cores: 8, ram: 32, gpus: 1 });
    const listed = await listProfiles(dir);
    expect(listed.map((p) => p.name)).toEqual(['big-gpu', 'broken', 'small']);
    expect('error' in listed[1] && listed[1].error.message).toContain('registry credentials are never kept');
    await expect(loadProfile(dir, 'nope')).rejects.toMatchObject({
      code: 'USAGE_ERROR',
      message: 'no profile nope (the saved ones are big-gpu, broken, small) — save one with `skaha-tui launch … --save-profile nope`',
    });
    await expect(saveProfile(dir, '../evil', {})).rejects.toMatchObject({ code: 'USAGE_ERROR' });
  });
});
