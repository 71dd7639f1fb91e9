import type { Clock } from '../../src/ports/clock.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { isKindEnabled } from '../notify/rules.js';
import type { ApiHolder, CredentialNews } from './api-holder.js';
import type { StateRuntime } from './state-runtime.js';

/** What reporting credential news needs. */
export interface CredentialNewsDeps {
  clock: Clock;
  runtime: StateRuntime;
  connection: ApiHolder;
  config: () => DaemonConfig;
}

/**
 * Records a self-renewing credential's news in the state (new expiry, or "login expired"); an expired
 * login is also pushed to clients as a warning and notified once per login.
 */
export function reportCredentialNews(news: CredentialNews, deps: CredentialNewsDeps): void {
  const { runtime, clock } = deps;
  const credentials = deps.connection.credentials();
  if (credentials) void runtime.apply({ type: 'credentials.checked', credentials, at: clock.now() });
  if (news.type !== 'login-expired') return;
  runtime.warn({ code: 'LOGIN_EXPIRED', message: news.message });
  if (!isKindEnabled('credentials', deps.config().notifications)) return;
  void runtime.notifyOnce(
    {
      key: `credentials:login-expired:${news.login}`,
      title: 'Your CANFAR login expired',
      body: 'run `canfar login`; the daemon picks up the new login by itself',
      urgency: 'critical',
    },
    { kind: 'credentials:login-expired', message: news.message },
  );
}
