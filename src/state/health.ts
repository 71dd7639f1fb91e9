import type { ErrorJson } from '../domain/errors.js';
import type { Health, HealthState } from './state.js';

const AUTH_CODES: ReadonlySet<string> = new Set(['SKAHA_UNAUTHORIZED', 'SKAHA_FORBIDDEN', 'CREDENTIALS_ERROR', 'LOGIN_EXPIRED']);

/** Whether an error means our credentials are refused (the platform is down for us at once). */
export function isAuthFailure(error: ErrorJson | null): boolean {
  return error !== null && AUTH_CODES.has(error.code);
}

/** Pure: the health state implied by the failure bookkeeping at time `at`. */
export function healthStateAt(health: Health, at: number, downAfterMs: number): HealthState {
  if (health.failingSince !== null) {
    // An expired login says nothing about the platform: its state is unknown until the user logs in.
    if (health.lastError?.code === 'LOGIN_EXPIRED') return 'unknown';
    // Refused credentials are the user's to fix, not an outage: a state of their own.
    if (isAuthFailure(health.lastError)) return 'refused';
    if (at - health.failingSince >= downAfterMs) return 'down';
    return health.lastSuccessAt === null ? 'unknown' : 'degraded';
  }
  // Stats failing (the metrics backend, 503) leave Skaha's health alone: sessions still answer.
  return health.lastSuccessAt === null ? 'unknown' : 'ok';
}

function settle(health: Health, at: number, downAfterMs: number): Health {
  const state = healthStateAt(health, at, downAfterMs);
  return state === health.state ? health : { ...health, state, since: at };
}

/** Pure: health after a successful session poll. */
export function healthAfterPollSuccess(health: Health, at: number, downAfterMs: number): Health {
  return settle({ ...health, failingSince: null, lastSuccessAt: at, stale: false }, at, downAfterMs);
}

/** Pure: health after a failed session poll (cached sessions become stale). */
export function healthAfterPollFailure(health: Health, error: ErrorJson, at: number, downAfterMs: number): Health {
  const failingSince = health.failingSince ?? at;
  return settle({ ...health, failingSince, lastError: error, stale: true }, at, downAfterMs);
}

/** Pure: health after a stats read succeeded or failed: only `statsFailing` follows it (the platform load is shown as unavailable). */
export function healthAfterStats(health: Health, error: ErrorJson | null, at: number, downAfterMs: number): Health {
  const statsFailing = error !== null;
  return settle(statsFailing === health.statsFailing ? health : { ...health, statsFailing }, at, downAfterMs);
}

/** Pure: health when the daemon starts: the cached snapshot is stale until the first poll succeeds. */
export function healthAtStart(health: Health, at: number, downAfterMs: number): Health {
  return settle({ ...health, stale: true }, at, downAfterMs);
}
