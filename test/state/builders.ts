import type { Session } from '../../src/domain/session.js';

/** The tests' reference time: 2026-11-22T12:00:00Z. */
export const T0 = Date.parse('2026-11-22T12:00:00Z');

/** ISO-8601 text for an epoch-ms time. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A running notebook session with sensible defaults, overridable field by field. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  const id = overrides.id ?? 'a1b2c3d4';
  return {
    id,
    name: `nb-${id}`,
    kind: 'notebook',
    status: 'Running',
    image: 'images.canfar.net/skaha/astroml:latest',
    user: 'alice',
    startedAt: iso(T0 - 3600_000),
    expiresAt: iso(T0 + 4 * 24 * 3600_000),
    url: `https://ws-uv.canfar.net/session/notebook/${id}/lab`,
    cpu: { requested: 2, used: 0.5 },
    ramGB: { requested: 8, used: 2 },
    gpus: { requested: 0 },
    fixed: true,
    ...overrides,
  };
}

/** A headless job. */
export function makeJob(overrides: Partial<Session> = {}): Session {
  return makeSession({ kind: 'headless', url: null, expiresAt: null, name: 'job', ...overrides });
}

/** Sessions keyed by id. */
export function byId(...sessions: Session[]): Record<string, Session> {
  return Object.fromEntries(sessions.map((s) => [s.id, s]));
}
