// The pure formatters behind --yaml, --csv and the dashboard export: quoting, the formula guard,
// control characters, Markdown escaping, and column lists that cover every leaf of their records.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { csvText, guardFormula } from '../../src/export/csv-text.js';
import { cellAt, leafPaths } from '../../src/export/flatten-record.js';
import { markdownTable } from '../../src/export/markdown-table.js';
import { jobToObject } from '../../src/domain/job-spec.js';
import { storageJson } from '../../src/cli/views/storage-views.js';
import { USAGE_GROUPS, usageColumns } from '../../src/cli/views/usage-views.js';
import {
  APP_COLUMNS,
  CONTEXT_COLUMNS,
  PROFILE_COLUMNS,
  STORAGE_COLUMNS,
  EVENT_COLUMNS,
  IMAGE_COLUMNS,
  PUBLIC_SESSION_COLUMNS,
  SESSION_COLUMNS,
  STATS_COLUMNS,
} from '../../src/export/record-columns.js';
import { yamlText } from '../../src/export/yaml-text.js';
import { contextJson, eventJson, imageJson, publicSessionJson, sessionJson, statsJson } from '../../src/cli/json-output.js';
import type { SessionAnswer } from '../../src/cli/session-answers.js';
import type { Session } from '../../src/domain/session.js';
import { cellValue, parseCsv } from '../cli/csv-parse.js';

const session: Session = {
  id: 'abc123',
  name: 'nb',
  kind: 'notebook',
  status: 'Pending',
  image: 'images.canfar.net/skaha/astroml:1',
  user: 'alice',
  startedAt: '2026-11-22T12:00:00Z',
  expiresAt: null,
  url: 'https://x/y',
  cpu: { requested: 2, used: 0.5 },
  ramGB: { requested: 8.59, used: 1 },
  gpus: { requested: 0 },
  fixed: true,
};
const answer: SessionAnswer = {
  pending: { code: 'queued', reason: 'queued', since: 1, exact: true, detail: 'd', estimate: { kind: 'estimate', remainingMs: 1000, basis: 3 } as never },
  failure: { code: 'oom', cause: 'out of memory', inferred: true, detail: null } as never,
  renew: null,
};

describe('column lists', () => {
  it('name every leaf of the full record of each command, in record order', () => {
    expect(SESSION_COLUMNS).toEqual(leafPaths(sessionJson(session, answer)));
    expect(APP_COLUMNS).toEqual(leafPaths({ appId: 'a1', ...sessionJson(session, answer) }));
    expect(PUBLIC_SESSION_COLUMNS).toEqual(leafPaths(publicSessionJson(session)));
    expect(EVENT_COLUMNS).toEqual(leafPaths(eventJson({ type: 'Normal', reason: 'r', message: 'm', firstTime: null, lastTime: null })));
    expect(IMAGE_COLUMNS).toEqual(leafPaths(imageJson({ id: 'i', types: ['notebook'], digest: null })));
    const side = { allocated: 1, capacity: 2, maxPerSession: 3 };
    expect(STATS_COLUMNS).toEqual(leafPaths(statsJson({ cpu: side, ramGB: side })));
    const opts = { default: 1, defaultRequest: 1, defaultLimit: 1, options: [1] };
    expect(CONTEXT_COLUMNS).toEqual(leafPaths(contextJson({ cores: opts, ramGB: opts, gpus: { options: [0] }, maxInteractiveSessions: 3 })));
    const job = jobToObject({
      kind: 'headless',
      image: 'i',
      name: 'n',
      cores: 1,
      ram: 2,
      gpus: 0,
      replicas: 2,
      cmd: 'c',
      args: 'a',
      env: ['A=1'],
      registry: 'configured',
    });
    const profileLeaves = [...leafPaths({ name: 'p', file: 'f', job }, ['job.env']), ...leafPaths({ error: { code: 'X', message: 'm' } })];
    expect(PROFILE_COLUMNS).toEqual(profileLeaves);
    const storage = storageJson({ usedBytes: 1, quotaBytes: 2, nodeDate: null, node: '/n', user: 'u', readAt: 1, checkedAt: 1, unknown: null, high: false });
    expect(STORAGE_COLUMNS).toEqual(leafPaths(storage));
    for (const by of USAGE_GROUPS)
      expect(usageColumns(by).slice(-6)).toEqual(['hours', 'coreHoursRequested', 'coreHoursUsed', 'gibHoursRequested', 'gibHoursUsed', 'gpuHours']);
  });

  it('read a null sub-record as empty cells', () => {
    expect(cellAt(sessionJson(session), 'pending.estimate.basis')).toBeNull();
    expect(cellAt({ constructor: 1 }, 'toString')).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 (commas, quotes, CR, LF) and ends lines with CRLF', () => {
    const text = csvText([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines', d: 'cr\rhere', e: 'plain' }], ['a', 'b', 'c', 'd', 'e']);
    expect(text).toBe('a,b,c,d,e\r\n"x,y","say ""hi""","two\nlines","cr\rhere",plain\r\n');
    expect(parseCsv(text)[1]).toEqual(['x,y', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']);
  });

  it('writes nulls as empty cells, booleans and numbers as JSON does, lists joined by ;, a mapping as KEY=VALUE items', () => {
    expect(csvText([{ n: null, b: false, x: -1.5, l: ['notebook', 'headless'], e: [] }], ['n', 'b', 'x', 'l', 'e', 'missing'])).toBe(
      'n,b,x,l,e,missing\r\n,false,-1.5,notebook;headless,,\r\n',
    );
    expect(csvText([{ job: { env: { A: '1', MODE: 'fast' } } }], ['job.env'])).toBe('job.env\r\nA=1;MODE=fast\r\n');
  });

  it("guards cells that would start a spreadsheet formula with a ', and a reader gets the exact text back by dropping it", () => {
    for (const hostile of ['=HYPERLINK("http://evil","x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', "'quoted"]) {
      expect(guardFormula(hostile)).toBe(`'${hostile}`);
      const [, [cell]] = parseCsv(csvText([{ name: hostile }], ['name']));
      expect(cell.startsWith("'")).toBe(true);
      expect(cellValue(cell, 'string')).toBe(hostile);
    }
    expect(guardFormula('analysis')).toBe('analysis');
    // Numbers are not text: a negative number stays a number.
    expect(csvText([{ x: -1 }], ['x'])).toBe('x\r\n-1\r\n');
  });
});

describe('YAML', () => {
  it('parses back to the exact value, and writes no raw control character (C0, DEL, C1)', () => {
    const value = [{ name: 'a\u001b[31mb', c1: 'x\u009by', del: '\u007f', nl: 'two\nlines', n: null, l: ['=x'], long: 'w '.repeat(100) }];
    const text = yamlText(value);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(YAML.parse(text)).toEqual(value);
  });
});

describe('Markdown', () => {
  it('escapes | and \\ and turns line breaks into <br>, so server text cannot break the table', () => {
    const md = markdownTable([{ name: 'a|b', msg: 'one\ntwo\r\nthree', p: 'back\\slash', n: null }], ['name', 'msg', 'p', 'n']);
    expect(md).toBe('| name | msg | p | n |\n| --- | --- | --- | --- |\n| a\\|b | one<br>two<br>three | back\\\\slash |  |\n');
    for (const line of md.trimEnd().split('\n')) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });
});
