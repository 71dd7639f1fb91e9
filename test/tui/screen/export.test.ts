// x: the table as shown (after filter and sort) written to a new owner-only file, in the format chosen.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeConnection } from '../helpers/fake-connection.js';
import { useHeadlessDashboard } from '../helpers/headless-harness.js';
import { stateWith } from '../helpers/states.js';
import { makeSession } from '../../helpers/builders.js';
import { parseCsv } from '../../cli/csv-parse.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { SESSION_COLUMNS } from '../../../src/export/record-columns.js';

const start = useHeadlessDashboard();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'skt-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () => readdirSync(dir).sort();
/** Waits for the footer to say the export is done (the file is written asynchronously). */
const exported = (h: { lines(): string[]; settle(): Promise<void> }, done = /exported|could not export/) =>
  waitUntil(async () => {
    await h.settle();
    return done.test(h.lines().at(-1) ?? '');
  }, 'the export to finish');

describe('export (x)', () => {
  it('asks for the format, then writes the rows the table shows, in its order, as CSV, owner-only, and says where', async () => {
    const { h } = await start(undefined, { saveDir: dir });
    await h.keys('/');
    for (const c of 'fit|nb') await h.keys(c);
    await h.keys('enter', 's', 's');
    const shownNames = h.dashboard.model().table.rows.flatMap((r) => (r.type === 'group' ? r.members.map((m) => m.name) : [r.session.name]));
    await h.keys('x');
    expect(h.text()).toContain('Export the table');
    expect(h.text()).toMatch(/> CSV \(RFC 4180/);
    expect(h.text()).toContain(`in ${dir}`);
    expect(files()).toEqual([]);
    await h.keys('enter');
    await exported(h);
    const [file] = files();
    expect(file).toMatch(/^skaha-tui-sessions-\d{8}-\d{6}\.csv$/);
    const full = path.join(dir, file);
    expect(statSync(full).mode & 0o777).toBe(0o600);
    const [header, ...rows] = parseCsv(readFileSync(full, 'utf8'));
    expect(header).toEqual(SESSION_COLUMNS);
    expect(rows.map((r) => r[1])).toEqual(shownNames);
    // A folded replica group stands for all its members, the finished one too (as d deletes them all).
    expect(rows.map((r) => r[1]).sort()).toEqual(['fit-1', 'fit-2', 'fit-3', 'nb-main']);
    expect(h.lines().at(-1)).toContain(`exported 4 sessions as CSV to ${full}`);
  });

  it('writes JSON with ↓ Enter and Markdown with m, never over an existing file', async () => {
    const { h } = await start(undefined, { saveDir: dir });
    await h.keys('x', 'down', 'enter');
    await exported(h);
    const json = files().find((f) => f.endsWith('.json'))!;
    const records = JSON.parse(readFileSync(path.join(dir, json), 'utf8')) as Array<{ id: string }>;
    expect(records.map((r) => r.id).sort()).toEqual(['cr000006', 'dt000002', 'hl000003', 'hl000004', 'hl000005', 'nb000001']);
    // The same second: the next file gets -2, the first is untouched.
    const before = readFileSync(path.join(dir, json), 'utf8');
    await h.keys('x', 'j');
    await exported(h, /-2\.json/);
    expect(files().filter((f) => f.endsWith('.json'))).toEqual([json, json.replace('.json', '-2.json')].sort());
    expect(readFileSync(path.join(dir, json), 'utf8')).toBe(before);
    await h.keys('x', 'm');
    await exported(h, /as Markdown/);
    const md = readFileSync(
      path.join(
        dir,
        files().find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    );
    expect(md.split('\n')[0]).toBe(`| ${SESSION_COLUMNS.join(' | ')} |`);
    expect(md.trimEnd().split('\n')).toHaveLength(2 + 6);
  });

  it('keeps hostile names whole in the file: a | or a line break cannot break the Markdown table, a formula is guarded in CSV', async () => {
    const evil = makeSession({ id: 'ev000001', name: '=HYPERLINK("x")|a\nb' });
    const { h } = await start(new FakeConnection(stateWith([evil])), { saveDir: dir });
    await h.keys('x', 'm');
    await exported(h, /as Markdown/);
    await h.keys('x', 'c');
    await exported(h, /as CSV/);
    const md = readFileSync(
      path.join(
        dir,
        files().find((f) => f.endsWith('.md'))!,
      ),
      'utf8',
    )
      .trimEnd()
      .split('\n');
    expect(md).toHaveLength(3);
    expect(md[2]).toContain('=HYPERLINK("x")\\|a<br>b');
    const csv = parseCsv(
      readFileSync(
        path.join(
          dir,
          files().find((f) => f.endsWith('.csv'))!,
        ),
        'utf8',
      ),
    );
    expect(csv[1][1]).toBe(`'=HYPERLINK("x")|a\nb`);
  });

  it('Esc cancels without writing; an empty table says there is nothing to export; a folder it cannot write to is said', async () => {
    const { h } = await start(undefined, { saveDir: dir });
    await h.keys('x', 'escape');
    expect(files()).toEqual([]);
    expect(h.text()).not.toContain('Export the table');
    await h.keys('/', 'z', 'z', 'z', 'enter', 'x');
    expect(h.lines().at(-1)).toContain('nothing to export');
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    const other = await start(undefined, { saveDir: blocked });
    await other.h.keys('x', 'enter');
    await exported(other.h);
    expect(other.h.lines().at(-1)).toMatch(/could not export: .*ENOTDIR/);
  });

  it('is listed in help and in the footer', async () => {
    const { h } = await start();
    expect(h.lines().at(-1)).toMatch(/x export/);
    await h.keys('?');
    expect(h.text()).toMatch(/x\s+export the table \(after filter and sort\)/);
  });
});
