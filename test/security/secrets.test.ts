// Secrets stay where they belong: no credentials in children's environments, no URL a browser should
// not open, no markup from the server in notifications, no secret for another server, no token in clear
// over the network, no secret env value in the state, no file others can read.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt, pollUntil } from '../cli/spawn-cli.js';
import { createFakeBin, type FakeBin } from '../helpers/fake-bin.js';
import { securityHome, skahaTui, startDaemonProcess, type DaemonProcess, type SecurityHome } from './daemon-process.js';
import { startHostileSkaha, wireSession, type HostileSkaha } from './hostile-skaha.js';

const REGISTRY_SECRET = 'registry-secret-5f1c9a';
const CREDENTIALS = { SKAHA_REGISTRY_USERNAME: 'alice', SKAHA_REGISTRY_SECRET: REGISTRY_SECRET };

let skaha: HostileSkaha | undefined;
let home: SecurityHome | undefined;
let daemon: DaemonProcess | undefined;
afterEach(async () => {
  await daemon?.stop();
  await skaha?.close();
  home?.cleanup();
  daemon = skaha = home = undefined;
});

async function setUp(config: Record<string, unknown> = {}): Promise<{ skaha: HostileSkaha; home: SecurityHome }> {
  assertBuilt();
  skaha = await startHostileSkaha();
  home = securityHome(skaha);
  mkdirSync(home.configDir, { recursive: true, mode: 0o700 });
  writeFileSync(join(home.configDir, 'config.json'), JSON.stringify({ notifications: { desktop: false }, ...config }));
  return { skaha, home };
}

/** What a fake program saw: the environment of its one call, and its arguments. */
function onlyCall(bin: FakeBin, program: string): { args: string[]; env: string } {
  expect(bin.calls(program)).toHaveLength(1);
  return { args: bin.calls(program)[0], env: bin.env(program)[0] };
}

function expectNoCredentials(env: string, token: string): void {
  expect(env).not.toContain(token);
  expect(env).not.toContain(REGISTRY_SECRET);
  expect(env).not.toMatch(/^(SKAHA_TOKEN|CANFAR_TOKEN|SKAHA_REGISTRY_SECRET|CANFAR_REGISTRY__SECRET)=/m);
}

const mode = (file: string) => statSync(file).mode & 0o777;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('secrets stay where they belong', { timeout: 60_000 }, () => {
  it('open hands $BROWSER only http(s) URLs that cannot be read as options, and never the credentials', async () => {
    const { skaha, home } = await setUp();
    const hostile = {
      aaaa0001: 'file:///etc/passwd',
      aaaa0002: 'javascript:alert(document.cookie)',
      aaaa0003: '--version',
      aaaa0004: 'https://workload.example/lab?token=aaaa0004',
    };
    for (const [id, url] of Object.entries(hostile)) skaha.sessions.push(wireSession({ id, name: `nb${id}`, connectURL: url }));
    const bin = createFakeBin(['browser']);
    const env = home.env({ ...CREDENTIALS, BROWSER: join(bin.dir, 'browser') });
    for (const id of ['aaaa0001', 'aaaa0002', 'aaaa0003']) {
      const run = await skahaTui(['open', id, '--no-daemon'], env);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/refusing to open .* in a browser/);
    }
    expect(bin.calls('browser')).toEqual([]);
    const good = await skahaTui(['open', 'aaaa0004', '--no-daemon'], env);
    expect(good.code, good.stderr).toBe(0);
    const call = onlyCall(bin, 'browser');
    expect(call.args).toEqual([hostile.aaaa0004]);
    expectNoCredentials(call.env, skaha.token);
  });

  it('the daemon gives notify-send the server text as text (markup escaped) and no credentials', async () => {
    const { skaha, home } = await setUp({ notifications: { desktop: true }, polling: { fastMs: 500 } });
    skaha.sessions.push(wireSession({ id: 'bbbb0001', name: 'mark', status: 'Pending', connectURL: null }));
    const bin = createFakeBin(['notify-send']);
    const env = home.env({ ...CREDENTIALS, PATH: `${bin.dir}:${process.env.PATH}`, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' });
    daemon = await startDaemonProcess(home, env);
    await pollUntil(async () => (skaha.requestLines().filter((l) => l === 'GET /skaha/v1/session').length >= 2 ? true : undefined), 'two polls');
    const markup = 'https://workload.example/<a href="https://evil.example/">login</a>&amp;<b>';
    skaha.sessions[0] = wireSession({ id: 'bbbb0001', name: 'mark', status: 'Running', connectURL: markup });
    await pollUntil(async () => (bin.calls('notify-send').length > 0 ? true : undefined), 'a notification', 100);
    const call = onlyCall(bin, 'notify-send');
    expect(call.args.at(-1)).toBe('https://workload.example/&lt;a href="https://evil.example/"&gt;login&lt;/a&gt;&amp;amp;&lt;b&gt;');
    expectNoCredentials(call.env, skaha.token);
  });

  it("the canfar config's registry secret goes only to that config's server, never to one named with --url", async () => {
    const { skaha, home } = await setUp();
    mkdirSync(join(home.home, '.canfar'));
    writeFileSync(
      join(home.home, '.canfar', 'config.yaml'),
      [
        'active: {server: main}',
        'servers:',
        '  main: {url: "https://canfar.example.org/skaha", version: v1}',
        `registry: {url: images.canfar.net, username: canfar-user, secret: ${REGISTRY_SECRET}}`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const run = await skahaTui(
      ['launch', 'headless', 'skaha/astroml:latest', '--name', 'job', '--url', skaha.baseUrl, '--', 'echo', 'hi'],
      home.env({ SKAHA_URL: '' }),
    );
    expect(run.code, run.stderr).toBe(0);
    const launches = skaha.server.requests.filter((r) => r.method === 'POST' && r.path === '/skaha/v1/session');
    expect(launches).toHaveLength(1);
    expect(launches[0].headers['x-skaha-registry-auth']).toBeUndefined();
    expect(JSON.stringify(skaha.server.requests)).not.toContain(Buffer.from(`canfar-user:${REGISTRY_SECRET}`).toString('base64'));
  });

  it('a bearer token goes over plain http only to a real loopback address, not to a name that starts with 127.', async () => {
    const { skaha, home } = await setUp();
    const port = new URL(skaha.baseUrl).port;
    const run = await skahaTui(['ps', '--no-daemon'], home.env({ SKAHA_URL: `http://127.example.invalid:${port}/skaha` }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refusing to send a bearer token over plain http to 127\.example\.invalid/);
    const loopback = await skahaTui(['ps', '--no-daemon'], home.env());
    expect(loopback.code, loopback.stderr).toBe(0);
  });

  it('a launch env value whose name holds PASS, KEY… anywhere is not stored in clear', async () => {
    const { skaha, home } = await setUp();
    daemon = await startDaemonProcess(home, home.env());
    const run = await skahaTui(
      [
        'launch',
        'headless',
        'skaha/astroml:latest',
        '--name',
        'job',
        '--env',
        'DB_PASS=hunter2-db',
        '--env',
        'myApiKey=k3y-0f-mine',
        '--env',
        'MODE=fast',
        '--',
        'echo',
      ],
      home.env(),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(skaha.server.requests.some((r) => r.method === 'POST' && r.query.getAll('env').includes('DB_PASS=hunter2-db'))).toBe(true);
    expect((await daemon.stop()).code).toBe(0);
    daemon = undefined;
    const state = readFileSync(join(home.stateDir, 'state.json'), 'utf8');
    expect(state).toContain('DB_PASS=<redacted>');
    expect(state).toContain('myApiKey=<redacted>');
    expect(state).toContain('MODE=fast');
    expect(state + readFileSync(join(home.stateDir, 'daemon.log'), 'utf8')).not.toMatch(/hunter2-db|k3y-0f-mine/);
  });

  it('every file the daemon writes is 0600 and every folder it makes 0700, older files included', async () => {
    const { skaha, home } = await setUp();
    skaha.sessions.push(wireSession({ id: 'cccc0001', connectURL: 'https://workload.example/lab?token=cccc0001' }));
    // What an older version left behind: a world-readable log, and a state file too broken to load.
    mkdirSync(home.stateDir, { recursive: true });
    writeFileSync(join(home.stateDir, 'daemon.log'), 'old line\n', { mode: 0o644 });
    writeFileSync(join(home.stateDir, 'state.json'), '{ broken', { mode: 0o644 });
    daemon = await startDaemonProcess(home, home.env(), ['--listen', `127.0.0.1:${await freePort()}`]);
    const pidFile = join(home.runtimeDir, 'daemon.pid');
    await pollUntil(async () => (existsSync(pidFile) ? true : undefined), 'the pid file');
    expect(mode(pidFile)).toBe(0o600);
    expect(mode(home.runtimeDir)).toBe(0o700);
    expect(mode(join(home.runtimeDir, 'daemon.sock'))).toBe(0o600);
    expect(mode(join(home.configDir, 'daemon.token'))).toBe(0o600);
    const run = await skahaTui(['ps', '--json'], home.env());
    expect(run.code, run.stderr).toBe(0);
    expect((await daemon.stop()).code).toBe(0);
    daemon = undefined;
    const state = join(home.stateDir, 'state.json');
    expect(readFileSync(state, 'utf8')).toContain('?token=cccc0001');
    const files = readdirSync(home.stateDir);
    expect(files.filter((f) => f.startsWith('state.json.corrupt-'))).toHaveLength(1);
    expect(files).toContain('history.bin');
    for (const file of files) expect([file, mode(join(home.stateDir, file))]).toEqual([file, 0o600]);
  });

  it('doctor fails a config file holding a token that others can read, and says what to run', async () => {
    const { skaha, home } = await setUp();
    const config = join(home.configDir, 'config.json');
    writeFileSync(config, JSON.stringify({ url: skaha.baseUrl, token: skaha.token }));
    chmodSync(config, 0o644);
    const run = await skahaTui(['doctor'], home.env({ SKAHA_URL: '', SKAHA_TOKEN: '' }));
    expect(run.code, 'a failed check: doctor exits 1').toBe(1);
    expect(run.stdout).toMatch(new RegExp(`FAIL config file +${config} — holds a token and others can read it \\(mode 0644\\) — run: chmod 600 "${config}"`));
    expect(run.stdout).not.toContain(skaha.token);
  });
});
