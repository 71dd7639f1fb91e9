// Output.printData: the three formats from one value; CSV on a terminal shows controls as escapes, in a file or pipe it is exact.
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/command-context.js';
import type { CliIo } from '../../src/cli/io.js';
import { yamlText } from '../../src/export/yaml-text.js';
import { parseCsv } from './csv-parse.js';

function io(isTTY: boolean): CliIo & { text(): string } {
  let out = '';
  return {
    stdout: { write: (t: string) => (out += t), isTTY },
    stderr: { write: () => true },
    stdinIsTTY: false,
    env: {},
    prompt: async () => '',
    now: () => 0,
    text: () => out,
  };
}

const records = [{ name: 'a\u001b[2Jb', n: 1 }];

describe('printData', () => {
  it('CSV to a terminal shows control characters as visible escapes; to a pipe it keeps them exact', () => {
    const tty = io(true);
    createOutput(tty, 'csv').printData(records, ['name', 'n']);
    expect(tty.text()).not.toMatch(/\u001b/);
    expect(tty.text()).toBe('name,n\r\na\\x1b[2Jb,1\r\n');
    const pipe = io(false);
    createOutput(pipe, 'csv').printData(records, ['name', 'n']);
    expect(parseCsv(pipe.text())[1]).toEqual(['a\u001b[2Jb', '1']);
  });

  it('YAML and JSON write the same value, exactly', () => {
    const y = io(true);
    createOutput(y, 'yaml', { yaml: yamlText }).printData(records, []);
    expect(y.text()).not.toMatch(/\u001b/);
    expect(YAML.parse(y.text())).toEqual(records);
    const j = io(true);
    createOutput(j, 'json').printData(records, []);
    expect(JSON.parse(j.text())).toEqual(records);
  });
});
