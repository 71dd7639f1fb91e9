import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { redact, secretsFromEnv } from '../../src/cli/io.js';
import { PROTOCOL_VERSION } from '../../src/protocol/version.js';
import { FakeApi, run } from './cli-harness.js';
import { FakeDaemon, fakeAccess } from './fake-daemon.js';

describe('help and version', () => {
  it('prints general help for --help, -h and help, without opening the API', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: skaha-tui <command> [options]');
      for (const cmd of ['ps', 'info', 'launch', 'delete', 'renew', 'logs', 'events', 'stats', 'images', 'context', 'sim', 'demo']) {
        expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
      }
      expect(r.opened).toBe(false);
    }
  });
  it('prints command help for help CMD, CMD --help and aliases', async () => {
    const a = await run(['help', 'launch']);
    const b = await run(['create', '--help']);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('Usage: skaha-tui launch KIND IMAGE');
    expect(a.stdout).toContain('Aliases: create, run');
    expect((await run(['delete', '-h'])).stdout).toContain('--force');
  });
  it('rejects help for an unknown command', async () => {
    const r = await run(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'nope'");
  });
  it('prints the version from package.json for --version and -V, on one line', async () => {
    for (const argv of [['--version'], ['-V']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^skaha-tui \d+\.\d+\.\d+\n$/);
    }
  });
  it('version lists this build, Node, the protocol, and says when no daemon runs', async () => {
    const r = await run(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^skaha-tui \d+\.\d+\.\d+\nnode {6}v\d+\.\d+\.\d+ \(\w+ \w+\)\nprotocol  \d+\ndaemon    not running\n$/);
    expect(r.opened).toBe(false);
  });
  it("version --json names the running daemon's version", async () => {
    const daemon = new FakeDaemon();
    daemon.daemonVersion = '0.0.9';
    const r = await run(['version', '--json'], new FakeApi(), {}, [], { daemon: fakeAccess(daemon) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      protocol: PROTOCOL_VERSION,
      daemon: { version: '0.0.9', protocol: PROTOCOL_VERSION, compatible: true },
    });
    expect(daemon.closed).toBe(true);
  });
  it('version says how to restart a daemon that speaks another protocol', async () => {
    const refused = new AppError(
      'DAEMON_PROTOCOL_ERROR',
      `client speaks protocol ${PROTOCOL_VERSION}, this daemon speaks 1: restart the daemon (skaha-tui daemon restart) or update the client`,
    );
    const access = { connect: () => Promise.reject(refused), start: () => Promise.reject(refused), identity: async () => null };
    const r = await run(['version'], new FakeApi(), {}, [], { daemon: access });
    expect(r.stdout).toMatch(/^daemon {4}running, but it speaks protocol 1: restart it with the installed version \(skaha-tui daemon restart\)$/m);
    const json = await run(['version', '--json'], new FakeApi(), {}, [], { daemon: access });
    expect(JSON.parse(json.stdout).daemon).toMatchObject({ version: null, protocol: 1, compatible: false });
  });
});

describe('usage errors', () => {
  it('exit 2 with the message and a pointer to --help, without opening the API', async () => {
    const r = await run(['ps', '--nope']);
    expect(r).toMatchObject({ code: 2, stdout: '', opened: false });
    expect(r.stderr).toBe("error: unknown option '--nope' for 'ps'\nRun 'skaha-tui ps --help' for usage.\n");
    const missing = await run(['logs']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing argument ID');
    expect((await run([])).code).toBe(2);
    expect((await run(['bogus'])).stderr).toContain("Run 'skaha-tui --help' for usage.");
  });
  it('as JSON on stderr when --json was asked for', async () => {
    const r = await run(['ps', '--json', '--kind', 'x']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('USAGE_ERROR');
  });
});

describe('colour on stderr', () => {
  it('colours the error prefix only when stderr is a TTY and NO_COLOR is unset', async () => {
    const api = new FakeApi();
    api.listFailure = new AppError('TIMEOUT', 'too slow');
    expect((await run(['ps'], api, { stderrTTY: true })).stderr).toBe('\u001b[31merror: \u001b[39mtoo slow\n');
    expect((await run(['ps'], api, { stderrTTY: true, env: { NO_COLOR: 'x' } })).stderr).toBe('error: too slow\n');
    expect((await run(['ps'], api, { stderrTTY: false })).stderr).toBe('error: too slow\n');
  });
});

describe('redaction helpers', () => {
  it('masks every occurrence of each secret and finds secrets in the environment', () => {
    expect(redact('a tok-1234 b tok-1234', ['tok-1234'])).toBe('a *** b ***');
    expect(redact('abc', ['ab'])).toBe('abc');
    expect(secretsFromEnv({ SKAHA_TOKEN: 't1', CANFAR_TOKEN: '', SKAHA_REGISTRY_SECRET: 's1', OTHER: 'x' })).toEqual(['t1', 's1']);
  });
});

describe('secrets', () => {
  it('never prints the token, a registry secret or a connection secret, even inside error messages', async () => {
    const api = new FakeApi();
    api.listFailure = new AppError('SKAHA_UNAUTHORIZED', 'GET /session: 401 with token tok-123456789 and secret reg-secret-42 and conn-secret-7');
    const env = { SKAHA_TOKEN: 'tok-123456789', SKAHA_REGISTRY_SECRET: 'reg-secret-42' };
    for (const argv of [['ps'], ['ps', '--json'], ['ps', '--token', 'flag-token-999', '--bad=flag-token-999']]) {
      const r = await run([...argv], api, { env }, ['conn-secret-7']);
      const all = r.stdout + r.stderr;
      for (const secret of ['tok-123456789', 'reg-secret-42', 'conn-secret-7', 'flag-token-999']) expect(all).not.toContain(secret);
      expect(r.code).toBeGreaterThan(0);
    }
  });
  it('closes the API after every command, also on failure', async () => {
    const api = new FakeApi();
    api.listFailure = new AppError('TIMEOUT', 'too slow');
    const r = await run(['ps'], api);
    expect(r).toMatchObject({ code: 1, opened: true, closed: true });
  });
});
