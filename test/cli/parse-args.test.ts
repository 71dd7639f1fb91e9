import { describe, expect, it } from 'vitest';
import { listOption, numberOption, parseArgs, stringOption, UsageError } from '../../src/cli/parse-args.js';

const usage = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe('USAGE_ERROR');
    return (error as UsageError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads a command, its options (long, short, inline) and positionals', () => {
    const p = parseArgs(['ps', '-a', '--kind=notebook', '-s', 'running', '--json']);
    expect(p.command?.name).toBe('ps');
    expect(p.options).toEqual({ all: true, kind: 'notebook', status: 'Running', json: true });
  });
  it('resolves aliases to the command', () => {
    expect(parseArgs(['create', 'notebook', 'img']).command?.name).toBe('launch');
    expect(parseArgs(['run', 'notebook', 'img']).command?.name).toBe('launch');
    expect(parseArgs(['rm', '--force', 'x']).command?.name).toBe('delete');
    expect(parseArgs(['del', '-f', 'x']).command?.name).toBe('delete');
  });
  it('takes global flags anywhere on the line', () => {
    const before = parseArgs(['--url', 'http://u', '--token=t0k', 'ps']);
    expect(before.global).toEqual({ url: 'http://u', token: 't0k' });
    const after = parseArgs(['info', 'abc', '--cert', '/p.pem', 'def']);
    expect(after.global).toEqual({ cert: '/p.pem' });
    expect(after.positionals).toEqual(['abc', 'def']);
  });
  it('splits launch options, repeated --env and the words after --', () => {
    const p = parseArgs([
      'launch',
      'headless',
      'skaha/terminal:1.1.1',
      '-n',
      'job',
      '--cores',
      '2',
      '--ram',
      '4',
      '-e',
      'A=1',
      '--env',
      'B=2',
      '-r',
      '3',
      '--',
      'python3',
      '-c',
      '--json',
    ]);
    expect(p.positionals).toEqual(['headless', 'skaha/terminal:1.1.1']);
    expect(stringOption(p, 'name')).toBe('job');
    expect(numberOption(p, 'cores')).toBe(2);
    expect(numberOption(p, 'replicas')).toBe(3);
    expect(listOption(p, 'env')).toEqual(['A=1', 'B=2']);
    expect(p.rest).toEqual(['python3', '-c', '--json']);
    expect(p.options.json).toBeUndefined();
  });
  it("accepts canfar's option names for launch", () => {
    const p = parseArgs(['launch', 'notebook', 'img', '--cpu', '2', '--memory', '8', '--gpu', '1', '-c', '4']);
    expect(p.options).toMatchObject({ cores: 4, ram: 8, gpus: 1 });
  });
  it('marks --help and --version without requiring arguments', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).command).toBeNull();
    expect(parseArgs(['--version']).version).toBe(true);
    const p = parseArgs(['launch', '--help']);
    expect(p.help).toBe(true);
    expect(p.command?.name).toBe('launch');
    expect(parseArgs(['help', 'ps']).positionals).toEqual(['ps']);
  });
  it('returns no command for an empty line', () => {
    expect(parseArgs([]).command).toBeNull();
  });
});

describe('parseArgs usage errors', () => {
  it('names unknown commands and options', () => {
    expect(usage(['frobnicate'])).toBe("unknown command 'frobnicate'");
    expect(usage(['ps', '--bogus'])).toBe("unknown option '--bogus' for 'ps'");
    expect(usage(['ps', '-z'])).toBe("unknown option '-z' for 'ps'");
    expect(usage(['--kind', 'notebook', 'ps'])).toBe("option '--kind' must come after the command");
  });
  it('never echoes an inline value of an unknown option (it may be a secret)', () => {
    const message = usage(['ps', '--tokn=SECRET-VALUE']);
    expect(message).not.toContain('SECRET-VALUE');
  });
  it('reports missing values and arguments', () => {
    expect(usage(['ps', '--kind'])).toBe("option '--kind' needs a value");
    expect(usage(['ps', '--kind', '--json'])).toBe("option '--kind' needs a value");
    expect(usage(['info'])).toBe('missing argument ID...');
    // KIND and IMAGE may come from a job file or a profile: launch itself says when neither gives them.
    expect(parseArgs(['launch', 'notebook']).positionals).toEqual(['notebook']);
    expect(usage(['logs', 'a', 'b'])).toBe("unexpected argument 'b'");
    expect(usage(['--url'])).toBe("option '--url' needs a value");
  });
  it('checks numbers, choices and flags that take no value', () => {
    expect(usage(['launch', 'notebook', 'img', '--cores', 'two'])).toBe("option '--cores' expects a number, got 'two'");
    expect(usage(['ps', '--kind', 'spaceship'])).toMatch(/^invalid value 'spaceship' for '--kind' \(choose from notebook, /);
    expect(usage(['ps', '--all=yes'])).toBe("option '--all' takes no value");
  });
  it('refuses an ID that breaks the id rule, naming it and the rule (no request is made)', () => {
    for (const argv of [
      ['delete', '.'],
      ['renew', 'ok1', '..'],
      ['logs', '../x'],
      ['info', 'a/b'],
      ['open', 'x'.repeat(65)],
      ['events', 'a\u001b[31m'],
    ]) {
      expect(usage(argv), argv.join(' ')).toMatch(
        /^ID ".*"( \(\d+ characters\))? is not a session id: an id is 1 to 64 characters of A-Z, a-z, 0-9, "_" and "-"/,
      );
    }
    expect(usage(['events', 'a\u001b[31m'])).toContain('"a\\u001b[31m"');
    expect(usage(['info', 'y'.repeat(70_000)])).toMatch(/…" \(70000 characters\)/);
    expect(parseArgs(['renew', 'abcd1234', '__proto__', 'Some_id-2']).positionals).toEqual(['abcd1234', '__proto__', 'Some_id-2']);
    expect(parseArgs(['prune', '../x.*']).positionals).toEqual(['../x.*']);
  });
  it('allows -- only for launch and relaunch', () => {
    expect(usage(['delete', 'x', '--', 'y'])).toBe("'--' is only allowed with launch and relaunch (not 'delete')");
    expect(usage(['--'])).toBe('missing command');
  });
  it('points the error at the command it belongs to', () => {
    try {
      parseArgs(['ps', '--bogus']);
    } catch (error) {
      expect((error as UsageError).command).toBe('ps');
    }
  });
});
