import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig } from '../../../daemon/config/daemon-config.js';
import { startDaemon, type RunningDaemon } from '../../../daemon/daemon.js';
import { settingsConnector } from '../../../daemon/runtime/connect.js';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { oidcLoginFrom } from '../../../src/config/oidc/oidc-login.js';
import { refreshGrant } from '../../../src/client/refresh-grant.js';
import { tokensFromAnswer } from '../../../src/config/oidc/refresh-login.js';
import { tokensIntoYaml } from '../../../src/config/oidc/tokens-yaml.js';
import type { Logger } from '../../../src/ports/logger.js';
import { startSimulator, type RunningSimulator } from '../../../src/sim/index.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { makeShortHome, recordingNotifier, type RecordingNotifier } from '../../helpers/start-daemon.js';
import { waitUntil } from '../../helpers/wait-until.js';
import { TestClient } from '../../helpers/ws-client.js';

const LIFETIME_MS = 300_000;
const STEP_MS = 10_000;
const POLLING = {
  fastMs: STEP_MS,
  normalMs: STEP_MS,
  slowMs: STEP_MS,
  fastAfterActionMs: 0,
  fastWhilePendingMs: 600_000,
  backoffCapMs: STEP_MS,
  statsMs: 60_000,
  catalogueMs: 3_600_000,
};

let sim: RunningSimulator | undefined;
let daemon: RunningDaemon | undefined;
let client: TestClient | undefined;
let home = '';
afterEach(async () => {
  await client?.close();
  await daemon?.stop('test over');
  await sim?.close();
  client = daemon = sim = undefined;
  rmSync(home, { recursive: true, force: true });
});

interface Setup {
  clock: FakeClock;
  file: string;
  notifier: RecordingNotifier;
  logged: string[];
  /** Moves the shared fake clock and waits (bounded, real time) for the poll it triggers and for any refresh due. */
  step(ms?: number): Promise<void>;
}

/** A simulator and a daemon on one fake clock; the daemon's only credential is a `canfar login` in the temp HOME's canfar config. */
async function oidcDaemon(oidc: { refreshLifetimeSec?: number } = {}): Promise<Setup> {
  const clock = new FakeClock();
  sim = await startSimulator({ seed: 21, clock, oidc: { accessLifetimeSec: LIFETIME_MS / 1000, ...oidc } });
  const short = makeShortHome();
  home = short.home;
  const file = join(home, '.canfar', 'config.yaml');
  mkdirSync(dirname(file));
  writeFileSync(file, `# keep this comment\n${await sim.oidc.canfarConfig()}extra:\n  note: untouched # and this one\n`, { mode: 0o600 });
  const logged: string[] = [];
  const line = (message: string) => void logged.push(message);
  const logger: Logger = { debug: line, info: line, warn: line, error: line };
  const notifier = recordingNotifier();
  const config: DaemonConfig = { ...DEFAULT_DAEMON_CONFIG, polling: POLLING };
  daemon = await startDaemon({
    paths: short.paths,
    clock,
    config,
    logger,
    notifier,
    store: new MemoryStateStore(),
    connect: settingsConnector({}, short.env, short.paths, logger, { clock }),
    timing: { watchDebounceMs: 50, missingDirPollMs: 50 },
  });
  client = await TestClient.open({ target: short.paths.socketPath, name: 'oidc-test' });
  const step = async (ms = STEP_MS) => {
    clock.advance(ms);
    const d = daemon!;
    await waitUntil(() => d.state().lastPollAt === clock.now() || d.state().health.failingSince !== null, `the poll at ${clock.now()}`);
    // A token past 80 % of its lifetime is being refreshed: wait for the new one.
    const fresh = () => {
      const c = d.state().credentials;
      return c?.refresh?.state !== 'active' || Date.parse(c.expiresAt!) - clock.now() > 0.2 * LIFETIME_MS;
    };
    await waitUntil(fresh, 'the refresh that is due');
  };
  await step(0);
  return { clock, file, notifier, logged, step };
}

const tokenIn = (file: string) => oidcLoginFrom(parse(readFileSync(file, 'utf8')), file)!.tokens;
const answers = async (token: string) => (await fetch(`${sim!.apiUrl}/session`, { headers: { authorization: `Bearer ${token}` } })).status;
const listStatuses = () =>
  sim!
    .requestLog()
    .filter((r) => r.endpoint === 'session.list')
    .map((r) => r.status);

describe('the daemon keeps a canfar-config OIDC login alive (simulator and daemon on one fake clock)', () => {
  it('refreshes through five access-token lifetimes: no poll fails, the file is rewritten each time (other keys, comments, mode kept), no reconnect', async () => {
    const { file, step, logged, notifier } = await oidcDaemon();
    const before = parse(readFileSync(file, 'utf8')) as Record<string, any>;
    const first = tokenIn(file);
    for (let i = 0; i < (5 * LIFETIME_MS) / STEP_MS; i++) await step();
    // 1500 s: a refresh every 240 s (80 % of 300 s).
    expect(sim!.oidc.grants()).toBe(6);
    expect(listStatuses()).toHaveLength(151);
    expect(listStatuses().every((s) => s === 200)).toBe(true);
    expect(daemon!.state().health).toMatchObject({ state: 'ok', lastError: null });
    const text = readFileSync(file, 'utf8');
    const after = parse(text) as Record<string, any>;
    const now = tokenIn(file);
    expect(now.access).not.toBe(first.access);
    expect(now.refresh).not.toBe(first.refresh);
    expect(await answers(now.access)).toBe(200);
    expect(after.authentication.simnet.token).toMatchObject({ token_type: 'Bearer', scope: before.authentication.simnet.token.scope });
    after.authentication.simnet.token = before.authentication.simnet.token;
    after.authentication.simnet.expiry = before.authentication.simnet.expiry;
    expect(after).toEqual(before);
    expect(text).toMatch(/^# keep this comment\n/);
    expect(text).toContain('note: untouched # and this one');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logged.filter((m) => m === 'connected to Skaha')).toHaveLength(1);
    expect(logged.filter((m) => m === 'refreshed the OIDC access token')).toHaveLength(6);
    expect(daemon!.state().credentials).toEqual({
      kind: 'token',
      source: 'canfar-config',
      expiresAt: new Date(now.accessExpiresAt!).toISOString(),
      refresh: { state: 'active', loginExpiresAt: expect.any(String) },
    });
    expect(notifier.shown).toEqual([]);
    const everything = [JSON.stringify(daemon!.state()), ...client!.texts, ...logged].join('\n');
    for (const secret of [first.access, first.refresh, now.access, now.refresh, sim!.oidc.clientSecret]) expect(everything).not.toContain(secret);
  });

  it('after a 401 it refreshes at once and retries the poll once (which succeeds); a fresh token refused again is not refreshed in a loop', async () => {
    const { clock, step } = await oidcDaemon();
    // The server's clock jumps past the token's expiry; the daemon's does not know.
    sim!.advance(LIFETIME_MS + 1_000);
    await step();
    expect(daemon!.state().lastPollAt).toBe(clock.now());
    expect(daemon!.state().health.lastError).toBeNull();
    expect(sim!.oidc.grants()).toBe(1);
    expect(listStatuses().slice(-2)).toEqual([401, 200]);
    sim!.setFaults({ expiredToken: true });
    const requests = sim!.oidc.tokenRequests();
    const lists = listStatuses().length;
    await step();
    await waitUntil(() => daemon!.state().health.lastError?.code === 'SKAHA_UNAUTHORIZED', 'the refusal');
    expect(listStatuses().length).toBe(lists + 1);
    expect(sim!.oidc.tokenRequests()).toBe(requests);
    expect(daemon!.state().health.state).toBe('refused');
  });

  it('a refused refresh keeps the daemon running, notifies once, shows "login expired" (not "platform down"), and a new login in the file is picked up by itself', async () => {
    const { clock, file, step, notifier } = await oidcDaemon();
    sim!.oidc.revokeAll();
    for (let t = 0; t < 0.8 * LIFETIME_MS; t += STEP_MS) await step();
    await waitUntil(() => daemon!.state().credentials?.refresh?.state === 'login-expired', 'the refusal');
    const warning = await client!.waitForEvent('warning');
    expect(warning).toEqual({ code: 'LOGIN_EXPIRED', message: 'your CANFAR login expired — run `canfar login`' });
    expect(notifier.shown).toEqual([
      { title: 'Your CANFAR login expired', body: 'run `canfar login`; the daemon picks up the new login by itself', urgency: 'critical' },
    ]);
    // Polls go on with the still-valid access token, then fail as "login expired", never as "platform down".
    const attempts = sim!.oidc.tokenRequests();
    for (let t = 0.8 * LIFETIME_MS; t < 2 * LIFETIME_MS; t += STEP_MS) await step();
    await waitUntil(() => daemon!.state().health.lastError?.code === 'LOGIN_EXPIRED', 'polls failing as LOGIN_EXPIRED');
    expect(daemon!.state().health.state).toBe('unknown');
    expect(daemon!.state().health.lastError?.message).toBe('your CANFAR login expired — run `canfar login`');
    expect(client!.frames.some((f) => f.type === 'event' && f.topic === 'platform:down')).toBe(false);
    expect(sim!.oidc.tokenRequests()).toBe(attempts);
    expect(notifier.shown).toHaveLength(1);
    // The user runs `canfar login`: the file changes, the daemon takes the new tokens without a restart.
    writeFileSync(file, await sim!.oidc.canfarConfig());
    await waitUntil(() => daemon!.state().credentials?.refresh?.state === 'active', 'the new login', 5_000);
    await waitUntil(() => daemon!.state().health.state === 'ok', 'polls working again', 5_000);
    for (let i = 0; i < LIFETIME_MS / STEP_MS; i++) await step();
    expect(daemon!.state().health.state).toBe('ok');
    expect(tokenIn(file).accessExpiresAt).toBeGreaterThan(clock.now());
    expect(notifier.shown).toHaveLength(1);
  });

  it('another writer of the canfar config (the official client refreshing on its own) is not clobbered: the daemon follows its tokens and keeps its edits', async () => {
    const { file, step, logged } = await oidcDaemon();
    // The official client refreshes with the same refresh token (which the provider then retires) and edits the file.
    const login = oidcLoginFrom(parse(readFileSync(file, 'utf8')), file)!;
    const answer = await refreshGrant({
      endpoint: login.tokenEndpoint,
      file,
      clientId: login.clientId,
      clientSecret: login.clientSecret,
      refreshToken: login.tokens.refresh,
    });
    const theirs = tokensFromAnswer(answer, login.tokens, sim!.now());
    writeFileSync(file, tokensIntoYaml(readFileSync(file, 'utf8'), login.idp, theirs).replace('width: 120', 'width: 99'));
    await waitUntil(() => logged.filter((m) => m === 'connected to Skaha').length === 2, 'the reconnect to the new tokens', 5_000);
    for (let i = 0; i < (2 * LIFETIME_MS) / STEP_MS; i++) await step();
    expect(daemon!.state().credentials?.refresh?.state).toBe('active');
    expect(daemon!.state().health.lastError).toBeNull();
    const now = parse(readFileSync(file, 'utf8')) as Record<string, any>;
    expect(now.console.width).toBe(99);
    expect(tokenIn(file).refresh).not.toBe(theirs.refresh);
    expect(await answers(tokenIn(file).access)).toBe(200);
  });
});
