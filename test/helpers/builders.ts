import type { Session } from '../../src/domain/session.js';

/** The instant test data is built around: 2026-11-22T12:00:00Z. */
export const T0 = Date.parse('2026-11-22T12:00:00Z');

/** An ISO time `minutes` from T0 (negative for the past). */
export function minutesFromT0(minutes: number, base = T0): string {
  return new Date(base + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A Running notebook session with sensible values; override any field. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  const id = overrides.id ?? 'ab12cd34';
  return {
    id,
    name: 'nb-main',
    kind: 'notebook',
    status: 'Running',
    image: 'images.canfar.net/skaha/astroml:latest',
    user: 'alice',
    startedAt: minutesFromT0(-60),
    expiresAt: minutesFromT0(4 * 24 * 60 - 60),
    url: `https://workload.example.org/session/notebook/${id}/lab/tree/arc/home/alice?token=${id}`,
    cpu: { requested: 2, used: 0.25 },
    ramGB: { requested: 8.59, used: 1.2 },
    gpus: { requested: 0 },
    fixed: true,
    ...overrides,
  };
}
