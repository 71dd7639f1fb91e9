import { textResponse } from './auth.js';
import type { SimOidc } from './oidc.js';
import type { SimResponse } from './types.js';

/** Answers `/oidc/...`: the token endpoint (POST) and the discovery document (GET). */
export function routeOidc(oidc: SimOidc, method: string, path: string, body: string, authorization: string | undefined): SimResponse {
  if (path === '/oidc/token') return method === 'POST' ? oidc.token(body, authorization) : textResponse(405, `method not allowed: ${method}`);
  if (path === '/oidc/.well-known/openid-configuration' && method === 'GET') return oidc.discovery();
  return textResponse(404, `not found: ${path}`);
}
