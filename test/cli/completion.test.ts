// Shell completion: the pure completer, the routed commands' words against their own usage, and the real shells.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeWords, type SessionHint } from '../../src/cli/completion/complete-words.js';
import { ROUTED_COMPLETION } from '../../src/cli/completion/routed-commands.js';
import { COMPLETION_USAGE } from '../../src/cli/completion/shell-scripts.js';
import { SIM_USAGE } from '../../src/sim/cli-args.js';
import { DAEMON_USAGE } from '../../daemon/main-args.js';
import { DEMO_TEXT } from '../../tui/text.js';
import { startTestDaemon, type TestDaemon } from '../helpers/start-daemon.js';
import { waitUntil } from '../helpers/wait-until.js';
import { assertBuilt, BIN, isolatedEnv, runBin } from './spawn-cli.js';

const SESSIONS: SessionHint[] = [
  { id: 'abcd1234', name: 'mynb', status: 'Running' },
  { id: 'efgh5678', name: 'job-1', status: 'Pending' },
];
// Async: the daemon answering the completions runs in this process, so a blocking exec would starve it.
const run = async (program: string, args: string[], env: NodeJS.ProcessEnv) => (await promisify(execFile)(program, args, { env, encoding: 'utf8' })).stdout;
const values = (args: string[], sessions: SessionHint[] = SESSIONS) => completeWords(args, sessions).candidates.map((c) => c.value);

describe('completeWords', () => {
  it.each<[string[], string[]]>([
    [['de'], ['delete', 'demo']],
    [
      ['launch', ''],
      ['notebook', 'desktop', 'carta', 'firefly', 'contributed', 'headless'],
    ],
    [['launch', 'n'], ['notebook']],
    [
      ['launch', '--c'],
      ['--cores', '--cert'],
    ],
    [['ps', '--status', 'R'], ['Running']],
    [
      ['ps', '-k', 'desk'],
      ['desktop', 'desktop-app'],
    ],
    [['--log-level', 'd'], ['debug']],
    [
      ['delete', ''],
      ['abcd1234', 'efgh5678'],
    ],
    [['delete', 'abcd1234', ''], ['efgh5678']],
    [['info', 'my'], ['abcd1234']],
    [['open', 'ef'], ['efgh5678']],
    [['help', 'lo'], ['logs']],
    [
      ['daemon', 's'],
      ['start', 'stop', 'status'],
    ],
    [
      ['daemon', 'status', '--'],
      ['--json', '--print', '--force', '--help', '--listen', '--log-level', '--url', '--token', '--cert'],
    ],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['launch', 'notebook', 'skaha/astroml', ''], []],
  ])('%j → %j', (args, expected) => {
    expect(values(args)).toEqual(expected);
  });
  it('asks for a path after --cert and after --, and for nothing after a free-text option', () => {
    expect(completeWords(['ps', '--cert', ''], []).files).toBe(true);
    expect(completeWords(['launch', 'headless', 'img', '--', 'py'], []).files).toBe(true);
    expect(completeWords(['launch', '--name', ''], SESSIONS)).toEqual({ candidates: [], files: false });
  });
  it('describes ids by name and status, and says when it needs the sessions', () => {
    expect(completeWords(['logs', ''], SESSIONS)).toEqual({
      candidates: [
        { value: 'abcd1234', description: 'mynb (Running)' },
        { value: 'efgh5678', description: 'job-1 (Pending)' },
      ],
      files: false,
      sessions: true,
    });
    expect(completeWords(['ps', ''], SESSIONS).sessions).toBeUndefined();
  });
});

describe("the routed commands' words match their own usage text", () => {
  const flagsIn = (text: string) => new Set(text.match(/(?<![\w-])--?[a-z][\w-]*/g));
  const completed = (name: string) => {
    const r = ROUTED_COMPLETION[name];
    return [...r.flags, ...Object.keys(r.valueOptions)];
  };
  // oxlint-disable-next-line vitest/expect-expect -- the rule does not see the expect() calls inside this it.each's loops
  it.each([
    ['daemon', DAEMON_USAGE],
    ['sim', SIM_USAGE],
    ['demo', DEMO_TEXT.usage],
    ['completion', COMPLETION_USAGE],
  ])('%s', (name, usage) => {
    const documented = flagsIn(usage);
    for (const flag of completed(name)) if (flag !== '--help') expect(documented, `${name} completes ${flag}`).toContain(flag);
    for (const flag of documented) if (flag !== '-h') expect(completed(name), `${name} documents ${flag}`).toContain(flag);
  });
  it('daemon completes every subcommand its usage names', () => {
    const named = DAEMON_USAGE.match(/skaha-tui daemon (start[^\n]*)/)![1]
      .split(/[\s|]+/)
      .filter((w) => /^[a-z]+$/.test(w));
    expect(named).toEqual([...ROUTED_COMPLETION.daemon.subcommands]);
  });
});

describe('completion in real shells, with ids from a running daemon', { timeout: 60_000 }, () => {
  let td: TestDaemon;
  let shim: string;
  let ids: { nb: string; job: string };
  let env: NodeJS.ProcessEnv;
  const script = (shell: string) => {
    const file = join(shim, `completion.${shell}`);
    writeFileSync(file, execFileSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' }));
    return file;
  };

  beforeAll(async () => {
    assertBuilt();
    td = await startTestDaemon();
    ids = {
      nb: td.sim.seedSession({ kind: 'notebook', user: 'alice', name: 'tabbed-nb' }),
      job: td.sim.seedSession({ kind: 'headless', user: 'alice', name: 'tabbed-job' }),
    };
    await waitUntil(() => Boolean(td.daemon.state().sessions[ids.nb] && td.daemon.state().sessions[ids.job]), 'the daemon to cache the sessions');
    shim = mkdtempSync(join(tmpdir(), 'skc-'));
    writeFileSync(join(shim, 'skaha-tui'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(shim, 'skaha-tui'), 0o755);
    env = isolatedEnv(td.home, { SKAHA_TUI_HOME: td.env.SKAHA_TUI_HOME!, PATH: `${shim}:${process.env.PATH}` });
  });
  afterAll(async () => {
    await td?.cleanup();
    rmSync(shim, { recursive: true, force: true });
  });

  it('bash completes commands, kinds, and ids (a name completes to its id)', async () => {
    const file = script('bash');
    const complete = async (words: string[]) =>
      (
        await run(
          'bash',
          [
            '--norc',
            '-c',
            `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _skaha_tui; printf '%s\\n' "\${COMPREPLY[@]}"`,
          ],
          env,
        )
      )
        .split('\n')
        .filter(Boolean);
    expect(await complete(['skaha-tui', 'ren'])).toEqual(['renew']);
    expect(await complete(['skaha-tui', 'launch', 'car'])).toEqual(['carta']);
    expect((await complete(['skaha-tui', 'delete', ''])).sort()).toEqual([ids.nb, ids.job].sort());
    expect(await complete(['skaha-tui', 'info', 'tabbed-n'])).toEqual([ids.nb]);
    expect(await run('bash', ['--norc', '-c', `source ${file}; complete -p skaha-tui`], env)).toBe('complete -F _skaha_tui skaha-tui\n');
  });

  it('fish completes ids with their names as descriptions', async () => {
    const file = script('fish');
    const out = await run('fish', ['--no-config', '-c', `source ${file}; complete -C 'skaha-tui logs '`], env);
    expect(out.split('\n').filter(Boolean).sort()).toEqual([`${ids.job}\ttabbed-job (Running)`, `${ids.nb}\ttabbed-nb (Running)`].sort());
    expect(await run('fish', ['--no-config', '-c', `source ${file}; complete -C 'skaha-tui st'`], env)).toBe('stats\nstorage\n');
  });

  it('zsh parses the script and registers it with compinit', () => {
    const file = script('zsh');
    execFileSync('zsh', ['-n', file]);
    const registered = execFileSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -D; source ${file}; print -r -- $_comps[skaha-tui]`], {
      env,
      encoding: 'utf8',
    });
    expect(registered).toBe('_skaha_tui\n');
  });

  it('__complete prints nothing but the candidates, and no id without a daemon', async () => {
    const withDaemon = await runBin(['__complete', 'renew', 'tabbed-j'], env);
    expect(withDaemon).toMatchObject({ code: 0, stdout: `${ids.job}\ttabbed-job (Running)\n`, stderr: '' });
    const alone = await runBin(['__complete', 'renew', ''], isolatedEnv(shim, { SKAHA_TUI_HOME: join(shim, 'nothing') }));
    expect(alone).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('completion without a known shell is a usage error', async () => {
    expect(await runBin(['completion', 'tcsh'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: completion needs one shell, one of bash, zsh, fish \(got 'tcsh'\)/),
    });
    expect((await runBin(['completion', '--help'], env)).stdout).toContain('~/.config/fish/completions/skaha-tui.fish');
  });
});
