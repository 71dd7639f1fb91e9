// Every list command's --json, --yaml and --csv, through the built binary against the simulator: each
// format parsed back gives the same records (docs/output.md), and two formats at once are a usage error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../sim/sim-helpers.js';
import { seedDemo } from '../../src/sim/demo.js';
import { cellValue, nullEmpty, parseCsv, setPath } from './csv-parse.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

type ColumnType = 'string' | 'number' | 'boolean' | 'string-list' | 'number-list' | 'string-map';

/** Column types as docs/output.md gives them (everything not listed is a string). */
function typeOf(column: string): ColumnType {
  if (column === 'types') return 'string-list';
  if (column === 'job.env') return 'string-map';
  if (['usedBytes', 'quotaBytes', 'usedGiB', 'quotaGiB', 'percent'].includes(column)) return 'number';
  if (column === 'high') return 'boolean';
  if (column.endsWith('.options')) return 'number-list';
  if (column === 'fixed' || column === 'failure.inferred') return 'boolean';
  if (/^(cpu|ramGB|ramGiB|gpus)\./.test(column) || column.startsWith('pending.estimate.')) return 'number';
  if (/^job\.(cores|ram|gpus|replicas)$/.test(column)) return 'number';
  if (/^(cores|ramGB)\.default/.test(column) || column === 'maxInteractiveSessions') return 'number';
  return 'string';
}

/** The records a CSV text stands for, by the documented rules. */
function recordsFromCsv(text: string): { columns: string[]; records: unknown[] } {
  const [columns, ...rows] = parseCsv(text);
  const records = rows.map((row) => {
    expect(row).toHaveLength(columns.length);
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => setPath(record, column, cellValue(row[i], typeOf(column))));
    return record;
  });
  return { columns, records };
}

let t: TestSim;
let home: string;
let ids: Record<string, string>;
const env = () => isolatedEnv(home, { SKAHA_URL: t.sim.baseUrl, SKAHA_TOKEN: t.sim.token });

beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'skaha-formats-'));
  // A fake clock: nothing changes between the three reads of one command.
  t = await startTestSim({ seed: 11 });
  seedDemo(t.sim, 1);
  const desk = t.sim.seedSession({ kind: 'desktop', name: 'desk-run', ageSeconds: 600 });
  const listed = await t.json<Array<{ id: string; name: string }>>('/session');
  ids = Object.fromEntries(listed.map((s) => [s.name, s.id]));
  ids['desk-run'] = desk;
  await t.post(`/session/${desk}/app`, 'image=images.canfar.net/desktop/ds9:8.6');
  // Two saved profiles and a broken one (`profiles` lists why it cannot be read).
  const profiles = join(home, 'config', 'profiles');
  mkdirSync(profiles, { recursive: true });
  writeFileSync(
    join(profiles, 'big.yaml'),
    'kind: headless\nimage: images.canfar.net/skaha/terminal:1.1.1\ncores: 4\nram: 16\nreplicas: 3\ncmd: python\nargs: run.py --fast\nenv:\n  MODE: fast\n  LEVEL: "2"\n',
  );
  writeFileSync(join(profiles, 'nb.yaml'), 'kind: notebook\nimage: images.canfar.net/skaha/astroml:latest\n');
  writeFileSync(join(profiles, 'broken.yaml'), 'kind: [\n');
});
afterAll(async () => {
  await t?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

const commands = (): string[][] => [
  ['ps'],
  ['ps', '--all'],
  ['ps', '--all-users', '--all'],
  ['info', ids.analysis, ids['big-mosaic'], ids.broken],
  ['events', ids['reprocess']],
  ['apps', ids['desk-run']],
  ['stats'],
  ['images'],
  ['context'],
  ['profiles'],
  ['storage'],
];

describe('list command output formats', { timeout: 120_000 }, () => {
  it('--json, --yaml and --csv of every list command parse back to the same records', async () => {
    for (const command of commands()) {
      const run = async (format: string) => {
        const r = await runBin([...command, format, '--no-daemon'], env());
        expect(r.code, `${command.join(' ')} ${format}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toBe('');
        return r.stdout;
      };
      // storage without a daemon reads now: when it read moves between two runs, nothing else does.
      const label = command.join(' ');
      const json = withoutReadTimes(label, JSON.parse(await run('--json')));
      if (Array.isArray(json)) expect(json.length, label).toBeGreaterThan(0);
      expect(withoutReadTimes(label, YAML.parse(await run('--yaml'))), label).toEqual(json);
      const csv = await run('--csv');
      const { columns, records: read } = recordsFromCsv(csv);
      const records = read.map((r) => withoutReadTimes(label, r));
      const asRows = Array.isArray(json) ? json : [json];
      // Every leaf of the JSON record has its column.
      for (const record of asRows) for (const path of leaves(record)) expect(columns, `${label}: ${path}`).toContain(path);
      if (label === 'profiles') expect(csv).toMatch(/LEVEL=2;MODE=fast|MODE=fast;LEVEL=2/);
      expect(nullEmpty(records), label).toEqual(nullEmpty(asRows));
      if (label === 'ps --all') expect(csv).toMatch(/,unschedulable,/);
    }
  });

  it('two formats at once are a usage error (exit 2) that says what to do', async () => {
    const r = await runBin(['ps', '--json', '--csv', '--no-daemon'], env());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--json and --csv cannot be used together: choose one output format');
    const y = await runBin(['images', '--yaml', '--csv', '--no-daemon'], env());
    expect(y.code).toBe(2);
  });

  it('CSV headers are the documented columns, in the documented order', async () => {
    const header = async (args: string[]) => parseCsv((await runBin([...args, '--csv', '--no-daemon'], env())).stdout)[0].join(',');
    expect(await header(['images'])).toBe('id,types,digest');
    expect(await header(['events', ids.reprocess])).toBe('type,reason,message,firstTime,lastTime');
    expect(await header(['ps', '--all-users'])).toBe('user,kind,status,startedAt');
    expect(await header(['stats'])).toBe('cpu.allocated,cpu.capacity,cpu.maxPerSession,ramGB.allocated,ramGB.capacity,ramGB.maxPerSession');
    expect(await header(['ps'])).toMatch(
      /^id,name,kind,status,image,user,startedAt,expiresAt,url,cpu\.requested,cpu\.used,ramGB\.requested,ramGB\.used,gpus\.requested,fixed,ramGiB\.requested,ramGiB\.used,pending\.code,/,
    );
  });
});

function withoutReadTimes(label: string, record: unknown): unknown {
  if (label !== 'storage') return record;
  const { readAt: _readAt, checkedAt: _checkedAt, ...rest } = record as Record<string, unknown>;
  return rest;
}

function leaves(record: unknown, prefix = ''): string[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return [prefix];
  // A null sub-record (pending, failure) has no leaves here; the comparison above covers it. A job's env is one column.
  if (prefix === 'job.env') return [prefix];
  return Object.entries(record).flatMap(([k, v]) =>
    v === null && ['pending', 'failure', 'estimate'].includes(k) ? [] : leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}
