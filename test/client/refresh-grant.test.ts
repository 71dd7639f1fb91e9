import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TOKEN_ANSWER_BYTES, refreshGrant } from '../../src/client/refresh-grant.js';
import type { RefreshGrantRequest } from '../../src/config/oidc/refresh-grant-request.js';
import { checkTokenEndpoint, isLoopbackLiteral } from '../../src/config/oidc/token-endpoint-url.js';
import { rejectionOf as rejection } from '../helpers/rejection.js';

const CLIENT_SECRET = 'client-secret-9d81f2';
const REFRESH = 'refresh-token-4c3b2a1f';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  contentType?: string;
  body: string;
}
let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

/** A token endpoint on loopback that records what it got and answers with `answer`. */
async function endpoint(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers['content-type'], body });
      answer(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/oidc/token`, seen };
}

const json = (status: number, value: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
};

const request = (url: string): RefreshGrantRequest => ({
  endpoint: url,
  file: '/home/u/.canfar/config.yaml',
  clientId: 'client:1',
  clientSecret: CLIENT_SECRET,
  refreshToken: REFRESH,
});

describe('refreshGrant: the OAuth 2.0 refresh_token grant', () => {
  it('sends the grant with client_secret_basic, as the official client does, and reads the answer', async () => {
    const ep = await endpoint(
      json(200, {
        access_token: 'new.access.jwt',
        refresh_token: 'new-refresh',
        token_type: 'bearer',
        expires_in: 300,
        refresh_expires_in: '86400',
        scope: 'openid offline_access',
      }),
    );
    const answer = await refreshGrant(request(ep.url));
    expect(answer).toMatchObject({
      access: 'new.access.jwt',
      refresh: 'new-refresh',
      expiresInSec: 300,
      refreshExpiresInSec: 86400,
      tokenType: 'bearer',
      scope: 'openid offline_access',
    });
    expect(JSON.stringify(answer)).not.toMatch(/new\.access|new-refresh/);
    const [seen] = ep.seen;
    expect(seen).toMatchObject({ method: 'POST', url: '/oidc/token', contentType: 'application/x-www-form-urlencoded' });
    expect(Buffer.from(seen.authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe(`client%3A1:${CLIENT_SECRET}`);
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({ grant_type: 'refresh_token', refresh_token: REFRESH });
  });

  it('an answer without a refresh token leaves it undefined (the caller keeps the old one)', async () => {
    const ep = await endpoint(json(200, { access_token: 'a.b.c', expires_in: 60 }));
    const answer = await refreshGrant(request(ep.url));
    expect(answer.refresh).toBeUndefined();
    expect(answer.refreshExpiresInSec).toBeNull();
  });

  it('invalid_grant and invalid_client mean the login expired (LOGIN_EXPIRED); other failures are TOKEN_REFRESH_FAILED', async () => {
    for (const [status, error] of [
      [400, 'invalid_grant'],
      [401, 'invalid_client'],
    ] as const) {
      const ep = await endpoint(json(status, { error, error_description: `token ${REFRESH} is not valid` }));
      const err = await rejection(refreshGrant(request(ep.url)));
      expect(err).toMatchObject({ code: 'LOGIN_EXPIRED' });
      expect(err.message).toMatch(/^your CANFAR login expired — run `canfar login`/);
      expect(err.message).not.toContain(REFRESH);
    }
    for (const answer of [json(500, { error: 'server_error' }), json(400, { error: 'invalid_request' }), json(200, '{"access_token":')]) {
      expect(await rejection(refreshGrant(request((await endpoint(answer)).url)))).toMatchObject({ code: 'TOKEN_REFRESH_FAILED' });
    }
    const refused = await rejection(refreshGrant(request('http://127.0.0.1:9/oidc/token')));
    expect(refused).toMatchObject({ code: 'TOKEN_REFRESH_FAILED' });
    expect(refused.message).toMatch(/did not answer/);
  });

  it('bounds what it parses: a huge body, an oversized or odd token, a token type other than Bearer are refused', async () => {
    const huge = await endpoint((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"access_token":"${'a'.repeat(MAX_TOKEN_ANSWER_BYTES + 10)}"}`);
    });
    expect((await rejection(refreshGrant(request(huge.url)))).message).toMatch(/larger than 65536 bytes/);
    const answers = [
      { access_token: 'x'.repeat(16 * 1024 + 1) },
      { access_token: 'has space' },
      { access_token: 'esc\u001b[2Jape' },
      { access_token: 'ok', refresh_token: 'new\nline' },
      { access_token: 'ok', token_type: 'DPoP' },
      { access_token: 42 },
    ];
    for (const answer of answers) {
      const err = await rejection(refreshGrant(request((await endpoint(json(200, answer))).url)));
      expect(err.code, JSON.stringify(answer).slice(0, 60)).toBe('TOKEN_REFRESH_FAILED');
      expect(err.message).not.toMatch(/\u001b|xxxxxxxx/);
    }
    const lifetimes = await refreshGrant(request((await endpoint(json(200, { access_token: 'ok', expires_in: 1e12, refresh_expires_in: -5 }))).url));
    expect(lifetimes).toMatchObject({ expiresInSec: null, refreshExpiresInSec: null });
  });

  it('never follows a redirect (the refresh token would go along)', async () => {
    const elsewhere = await endpoint(json(200, { access_token: 'stolen' }));
    const redirecting = await endpoint((_req, res) => {
      res.writeHead(307, { location: elsewhere.url });
      res.end();
    });
    expect(await rejection(refreshGrant(request(redirecting.url)))).toMatchObject({ code: 'TOKEN_REFRESH_FAILED', status: 307 });
    expect(elsewhere.seen).toEqual([]);
  });

  it('sends the refresh token over https, or plain http only to a loopback address literal; nothing is sent otherwise', async () => {
    const ep = await endpoint(json(200, { access_token: 'never' }));
    const port = new URL(ep.url).port;
    for (const url of [
      `http://localhost:${port}/oidc/token`,
      'http://idp.example.org/token',
      `http://user:pw@127.0.0.1:${port}/t`,
      'ftp://127.0.0.1/t',
      'not a url',
    ]) {
      const err = await rejection(refreshGrant(request(url)));
      expect(err.code, url).toBe('TOKEN_REFRESH_FAILED');
      expect(err.message).not.toContain(REFRESH);
      expect(err.message).not.toContain(CLIENT_SECRET);
    }
    expect((await rejection(refreshGrant(request('http://idp.example.org/token')))).message).toMatch(
      /refusing to send the refresh token over plain http to idp\.example\.org/,
    );
    expect(ep.seen).toEqual([]);
    expect(checkTokenEndpoint('https://iam.example.org/token', 'f').host).toBe('iam.example.org');
    expect(['127.0.0.1', '127.9.8.7', '[::1]'].map(isLoopbackLiteral)).toEqual([true, true, true]);
    expect(['localhost', '128.0.0.1', '[::2]', '10.0.0.1', 'example.org'].map(isLoopbackLiteral)).toEqual([false, false, false, false, false]);
  });
});
