// --log-level and -v: diagnostics on stderr at the level asked, never a secret, and the option parsing behind them.
import { describe, expect, it } from 'vitest';
import { logLevelFromFlags } from '../../src/cli/cli-logger.js';
import { parseArgs } from '../../src/cli/parse-args.js';
import type { OpenApi } from '../../src/cli/open-api.js';
import { runCli } from '../../src/cli/main.js';
import { FakeApi, memoryIo, run } from './cli-harness.js';
import { FakeSystem, fakeAccess } from './fake-daemon.js';

describe('log level flags', () => {
  it('parses -v, -vv, -v -v before or after the command, and --log-level (which wins)', () => {
    expect(logLevelFromFlags(parseArgs(['ps']).global)).toBe('warn');
    expect(logLevelFromFlags(parseArgs(['-v', 'ps']).global)).toBe('info');
    expect(logLevelFromFlags(parseArgs(['ps', '-vv']).global)).toBe('debug');
    expect(logLevelFromFlags(parseArgs(['-v', 'ps', '-v']).global)).toBe('debug');
    expect(logLevelFromFlags(parseArgs(['ps', '-vv', '--log-level', 'ERROR']).global)).toBe('error');
    expect(() => parseArgs(['ps', '--log-level', 'loud'])).toThrow(/invalid value 'loud' for '--log-level'/);
    expect(() => parseArgs(['ps', '-v=1'])).toThrow();
  });
  it('shows info lines with -v and debug lines only with -vv, each scrubbed of secrets', async () => {
    const TOKEN = 'very-secret-token-123456';
    const openApi: OpenApi = async (_flags, _env, options) => {
      const api = new FakeApi();
      const list = api.listSessions.bind(api);
      api.listSessions = async (filters) => {
        options?.logger?.debug('skaha request', { method: 'GET', url: 'http://x/session', header: `Bearer ${TOKEN}` });
        return list(filters);
      };
      return { api, concurrency: 2, secrets: [TOKEN], root: 'http://x/v1', auth: 'token', close: async () => undefined };
    };
    const go = async (argv: string[]) => {
      const m = memoryIo();
      const code = await runCli(argv, m.io, { openApi, daemon: fakeAccess(null), system: new FakeSystem() });
      return { code, stderr: m.stderr() };
    };
    const info = await go(['ps', '-v']);
    expect(info.stderr).toMatch(/INFO  no skaha-tui daemon is running/);
    expect(info.stderr).not.toMatch(/DEBUG/);
    const debug = await go(['--log-level', 'debug', 'ps']);
    expect(debug.stderr).toMatch(/DEBUG skaha request method="GET" url="http:\/\/x\/session" header="Bearer «redacted»"/);
    expect(debug.stderr).not.toContain(TOKEN);
    expect((await go(['ps'])).stderr).toBe('');
  });
  it('lists the new global options and commands in the general help', async () => {
    const help = (await run(['--help'])).stdout;
    for (const word of ['--log-level LEVEL', '-v, --verbose', '--no-daemon', '  prune ', '  open ', '  watch ']) expect(help).toContain(word);
  });
});
