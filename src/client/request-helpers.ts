import { checkSessionId } from '../domain/session-id.js';
import type { RequestSpec } from './request.js';
import { registryAuthHeader } from './launch-params.js';

/** Header and scrub-list for a request carrying registry credentials. */
export function registrySpec(auth: { username: string; secret: string } | undefined): Pick<RequestSpec, 'headers' | 'secrets'> {
  if (!auth) return {};
  const header = registryAuthHeader(auth);
  return { headers: { 'x-skaha-registry-auth': header }, secrets: [auth.secret, header] };
}

/** A GET spec. */
export function get(path: string, q?: URLSearchParams): RequestSpec {
  return { method: 'GET', path, query: q };
}

/** Query parameters, leaving out undefined and empty values. */
export function query(params: Record<string, string | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') q.append(key, value);
  return q;
}

/** One encoded path segment naming a session or an app; VALIDATION_ERROR, before any request, when it breaks the id rule. */
export function segment(value: string, field: string): string {
  return encodeURIComponent(checkSessionId(typeof value === 'string' ? value.trim() : '', field));
}

/** A number as a query value (undefined stays undefined). */
export function str(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}
