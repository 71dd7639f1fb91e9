// The CLI contract: every command exits 2 for a usage error (and sends nothing), 1 when the operation fails.
// Validation errors (values the rules refuse) are in test/security/cli-contract.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { assertBuilt, isolatedEnv, runBin } from './spawn-cli.js';

let server: FixtureServer;
let home: string;
const env = () => isolatedEnv(home, { SKAHA_TUI_HOME: join(home, 'h'), SKAHA_URL: `${server.url}/skaha`, SKAHA_TOKEN: 'exit-code-token' });

beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'skx-'));
  server = await startFixtureServer();
  server.route('GET', /.*/, { status: 500, body: 'unexpected exception\n' });
  server.route('POST', /.*/, { status: 500, body: 'unexpected exception\n' });
  server.route('DELETE', /.*/, { status: 500, body: 'unexpected exception\n' });
});
afterAll(async () => {
  await server?.close();
  rmSync(home, { recursive: true, force: true });
});

// Each row is wrong before anything can be sent: an unknown option, a missing or extra argument, a value outside a list.
const USAGE_AND_VALIDATION: Array<[string, string[]]> = [
  ['ps: unknown option', ['ps', '--bogus']],
  ['ps: bad --kind', ['ps', '--kind', 'spaceship']],
  ['ps: bad --status', ['ps', '--status', 'Sleeping']],
  ['info: no id', ['info']],
  ['launch: no image', ['launch', 'notebook']],
  ['launch: unknown kind', ['launch', 'spaceship', 'skaha/astroml']],
  ['launch: --cores abc', ['launch', 'headless', 'skaha/astroml', '--cores', 'abc']],
  ['delete: no id', ['delete']],
  ['delete: no terminal, no --force', ['delete', 'abcd1234']],
  ['prune: no pattern', ['prune']],
  ['prune: bad regex', ['prune', 'a(', '--force']],
  ['prune: no terminal, no --force', ['prune', 'job']],
  ['renew: no id', ['renew']],
  ['open: no id', ['open']],
  ['open: two ids', ['open', 'abcd1234', 'efgh5678']],
  ['logs: no id', ['logs']],
  ['logs: unknown option', ['logs', 'abcd1234', '--tail-bogus']],
  ['watch: extra argument', ['watch', 'now']],
  ['events: no id', ['events']],
  ['stats: extra argument', ['stats', 'now']],
  ['images: bad --kind', ['images', '--kind', 'spaceship']],
  ['context: unknown option', ['context', '--bogus']],
  ['help: unknown topic', ['help', 'teleport']],
  ['an unknown command', ['teleport']],
  ['a bad --log-level', ['ps', '--log-level', 'chatty']],
  ['doctor: unknown option', ['doctor', '--bogus']],
  ['daemon: unknown option', ['daemon', '--bogus']],
  ['daemon: bad --listen', ['daemon', '--listen', '10.0.0.1:80']],
  ['daemon status: unknown option', ['daemon', 'status', '--bogus']],
  ['sim: unknown option', ['sim', '--bogus']],
  ['demo: unknown option', ['demo', '--bogus']],
  ['dashboard: unknown option', ['--readonly', '--bogus']],
];

describe('exit codes', { timeout: 60_000 }, () => {
  it.each(USAGE_AND_VALIDATION)('%s exits 2, says what was wrong, and sends nothing', async (_what, args) => {
    const before = server.requests.length;
    const r = await runBin(args, env());
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(2);
    expect(r.stderr).toMatch(/\S/);
    expect(server.requests.length, 'requests sent').toBe(before);
  });

  it.each([
    ['ps', ['ps', '--no-daemon']],
    ['info', ['info', 'abcd1234', '--no-daemon']],
    ['launch', ['launch', 'headless', 'skaha/astroml', '--no-daemon']],
    ['delete', ['delete', 'abcd1234', '--force', '--no-daemon']],
    ['renew', ['renew', 'abcd1234', '--no-daemon']],
    ['logs', ['logs', 'abcd1234', '--no-daemon']],
    ['events', ['events', 'abcd1234', '--no-daemon']],
    ['stats', ['stats', '--no-daemon']],
    ['images', ['images', '--no-daemon']],
    ['context', ['context', '--no-daemon']],
  ])('%s exits 1 when Skaha fails the request', async (_what, args) => {
    const r = await runBin(args, env());
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(/500|unexpected exception/);
  });

  it('doctor exits 1 when a check fails (Skaha fails), and says which', async () => {
    const r = await runBin(['doctor'], env());
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*500/);
  });
});
