import { describe, expect, it } from 'vitest';
import type { CredentialNews } from '../../../daemon/runtime/api-holder.js';
import { refreshingApi } from '../../../src/client/refreshing-api.js';
import { TokenRefresher } from '../../../daemon/runtime/token-refresher.js';
import { oidcTokens, type OidcLogin, type OidcTokens } from '../../../src/config/oidc/oidc-login.js';
import type { RefreshOutcome } from '../../../src/config/oidc/refresh-login.js';
import { AppError } from '../../../src/domain/errors.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { SkahaApi } from '../../../src/ports/skaha-api.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { rejectionOf } from '../../helpers/rejection.js';

const LIFETIME = 300_000;
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A refresher over a scripted refresh function: each call takes the next outcome (or error) from `script`. */
function harness(script: Array<'ok' | AppError> = []) {
  const clock = new FakeClock();
  let n = 0;
  const set = (i: number): OidcTokens =>
    oidcTokens(`access-${i}`, `refresh-${i}`, { accessExpiresAt: clock.now() + LIFETIME, refreshExpiresAt: null, issuedAt: clock.now() });
  const login: OidcLogin = Object.assign(
    { file: '/h/.canfar/config.yaml', idp: 'x', tokenEndpoint: 'https://idp/token', clientId: 'c' },
    { clientSecret: 's' },
    { tokens: set(0) },
  );
  const calls: Array<{ at: number; current: string }> = [];
  const news: CredentialNews[] = [];
  const secrets: string[] = [];
  const refresher = new TokenRefresher({
    clock,
    logger: silentLogger,
    login,
    text: '',
    onSecret: (s) => secrets.push(s),
    refresh: async (_login, current): Promise<RefreshOutcome> => {
      calls.push({ at: clock.now(), current: current.access });
      const step = script.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      return { kind: 'refreshed', tokens: set(++n), text: `text-${n}` };
    },
  });
  refresher.subscribe((x) => news.push(x));
  return { clock, refresher, calls, news, secrets };
}

describe('TokenRefresher', () => {
  it('refreshes at 80 % of each token lifetime, over and over, reporting each renewal and its new secrets', async () => {
    const { clock, refresher, calls, news, secrets } = harness();
    refresher.start();
    clock.advance(0.8 * LIFETIME - 1);
    await flush();
    expect(calls).toEqual([]);
    for (let i = 1; i <= 4; i++) {
      clock.advance(i === 1 ? 1 : 0.8 * LIFETIME);
      await refresher.idle();
      expect(calls.length).toBe(i);
      expect(refresher.accessToken()).toBe(`access-${i}`);
    }
    expect(calls.map((c) => c.at - calls[0].at)).toEqual([0, 240_000, 480_000, 720_000]);
    expect(news).toEqual([{ type: 'renewed' }, { type: 'renewed' }, { type: 'renewed' }, { type: 'renewed' }]);
    expect(secrets).toContain('refresh-4');
    expect(refresher.status()).toMatchObject({ kind: 'token', source: 'canfar-config', refresh: { state: 'active', loginExpiresAt: null } });
    expect(JSON.stringify(refresher.status())).not.toMatch(/access-|refresh-/);
  });

  it('retries a failed refresh with growing back-off, and stops for good (notifying once) when the login is refused', async () => {
    const failed = new AppError('TOKEN_REFRESH_FAILED', 'idp down');
    const { clock, refresher, calls, news } = harness([failed, failed, new AppError('LOGIN_EXPIRED', 'refused')]);
    refresher.start();
    clock.advance(0.8 * LIFETIME);
    await refresher.idle();
    clock.advance(4_999);
    await flush();
    expect(calls.length).toBe(1);
    clock.advance(1);
    await refresher.idle();
    expect(calls.length).toBe(2);
    clock.advance(10_000);
    await refresher.idle();
    expect(calls.length).toBe(3);
    expect(news).toEqual([
      { type: 'login-expired', message: 'your CANFAR login expired — run `canfar login`', login: expect.stringMatching(/^[0-9a-f]{12}$/) },
    ]);
    expect(refresher.status().refresh?.state).toBe('login-expired');
    clock.advance(10 * LIFETIME);
    await flush();
    expect(calls.length).toBe(3);
    expect(clock.pending()).toBe(0);
    expect(await rejectionOf(refresher.onUnauthorized('access-0'))).toMatchObject({ code: 'LOGIN_EXPIRED' });
  });

  it('after a 401 refreshes once at once (concurrent 401s share it), retries with the new token, and never refreshes twice for a refused fresh token', async () => {
    const { refresher, calls } = harness();
    refresher.start();
    const [a, b] = await Promise.all([refresher.onUnauthorized('access-0'), refresher.onUnauthorized('access-0')]);
    expect([a, b]).toEqual([true, true]);
    expect(calls.length).toBe(1);
    expect(refresher.accessToken()).toBe('access-1');
    // A 401 for a token already replaced: retry with the current one, no refresh.
    expect(await refresher.onUnauthorized('access-0')).toBe(true);
    // The fresh token is refused as well: the server refuses us, refreshing again would not help.
    expect(await refresher.onUnauthorized('access-1')).toBe(false);
    expect(calls.length).toBe(1);
  });

  it('a token from a 401-triggered refresh that is refused once it is due (its scheduled refresh failed or is late) is refreshed again', async () => {
    const { clock, refresher, calls } = harness(['ok', new AppError('TOKEN_REFRESH_FAILED', 'idp slow'), 'ok']);
    refresher.start();
    expect(await refresher.onUnauthorized('access-0')).toBe(true);
    clock.advance(0.8 * LIFETIME);
    await refresher.idle();
    expect(calls.length).toBe(2);
    expect(refresher.accessToken()).toBe('access-1');
    expect(await refresher.onUnauthorized('access-1')).toBe(true);
    expect(calls.length).toBe(3);
    expect(refresher.accessToken()).toBe('access-2');
  });

  it('a provider handing out already-expired tokens does not cause a tight refresh loop (at most one per second)', async () => {
    const clock = new FakeClock();
    const stale = (i: number) => oidcTokens(`a${i}`, `r${i}`, { accessExpiresAt: clock.now() - 1, refreshExpiresAt: null, issuedAt: null });
    let calls = 0;
    const login: OidcLogin = Object.assign({ file: 'f', idp: 'x', tokenEndpoint: 'https://idp/t', clientId: 'c', clientSecret: 's' }, { tokens: stale(0) });
    const refresher = new TokenRefresher({
      clock,
      logger: silentLogger,
      login,
      text: '',
      refresh: async () => ({ kind: 'refreshed', tokens: stale(++calls), text: '' }),
    });
    refresher.start();
    for (let ms = 0; ms < 10_000; ms += 100) {
      clock.advance(100);
      await refresher.idle();
    }
    expect(calls).toBeGreaterThanOrEqual(9);
    expect(calls).toBeLessThanOrEqual(11);
  });

  it('after a 401 whose refresh fails, the call fails with the refresh failure (not as a refused token)', async () => {
    const { refresher, calls } = harness([new AppError('TOKEN_REFRESH_FAILED', 'POST https://idp/token: the identity provider did not answer (ECONNREFUSED)')]);
    refresher.start();
    expect(await rejectionOf(refresher.onUnauthorized('access-0'))).toMatchObject({
      code: 'TOKEN_REFRESH_FAILED',
      message: expect.stringMatching(/did not answer/),
    });
    expect(await refresher.onUnauthorized('access-0')).toBe(true);
    expect(calls.length).toBe(2);
  });

  it('stops when closed: no timers left, a late result is ignored', async () => {
    const { clock, refresher, calls } = harness();
    refresher.start();
    expect(clock.pending()).toBe(1);
    refresher.close();
    expect(clock.pending()).toBe(0);
    clock.advance(LIFETIME);
    await flush();
    expect(calls).toEqual([]);
    expect(await refresher.onUnauthorized('access-0')).toBe(false);
  });
});

describe('refreshingApi', () => {
  const unauthorized = new AppError('SKAHA_UNAUTHORIZED', 'GET /session: 401');

  it('retries a call once after a 401 when the refresher has a newer token; other errors and refusals pass through', async () => {
    let token = 'old';
    const sent: string[] = [];
    const api = {
      listSessions: async () => {
        sent.push(token);
        if (token === 'old') throw unauthorized;
        return [];
      },
      getStats: async () => {
        throw new AppError('SKAHA_SERVER_ERROR', '500');
      },
    } as unknown as SkahaApi;
    const asked: string[] = [];
    const wrapped = refreshingApi(api, {
      accessToken: () => token,
      onUnauthorized: async (used) => {
        asked.push(used);
        token = 'new';
        return true;
      },
    });
    expect(await wrapped.listSessions()).toEqual([]);
    expect(sent).toEqual(['old', 'new']);
    expect(asked).toEqual(['old']);
    await expect(wrapped.getStats()).rejects.toMatchObject({ code: 'SKAHA_SERVER_ERROR' });
    expect(asked).toEqual(['old']);

    let calls = 0;
    const refusing = refreshingApi(
      {
        listSessions: async () => {
          calls++;
          throw unauthorized;
        },
      } as unknown as SkahaApi,
      { accessToken: () => 't', onUnauthorized: async () => true },
    );
    await expect(refusing.listSessions()).rejects.toBe(unauthorized);
    expect(calls).toBe(2);
    const pointless = refreshingApi(
      {
        listSessions: async () => {
          calls++;
          throw unauthorized;
        },
      } as unknown as SkahaApi,
      { accessToken: () => 't', onUnauthorized: async () => false },
    );
    await expect(pointless.listSessions()).rejects.toBe(unauthorized);
    expect(calls).toBe(3);
  });
});
