import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { resolveConnection } from '../../src/config/resolve-connection.js';
import { makeCert, type TestPem } from '../config/pem.js';
import { makeTempHome, type TempHome } from '../config/temp-home.js';

let home: TempHome;
let serverPem: TestPem;
let userPem: TestPem;
let server: https.Server;
const seen: Array<{ cn: unknown; authorization: unknown }> = [];

beforeAll(async () => {
  home = makeTempHome();
  serverPem = makeCert({ dir: home.home, cn: 'server', ipSan: '127.0.0.1' });
  userPem = makeCert({ dir: home.home, cn: 'proxy_user' });
  // Proxy certificates cannot be verified by a strict Node server (toolchain §4), so the test server only inspects the peer.
  server = https.createServer({ key: serverPem.key, cert: serverPem.cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    seen.push({ cn: peer?.subject?.CN, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  home.cleanup();
});

describe('X.509 client certificate', () => {
  it('presents the combined PEM (cert and key in one file) as the TLS client certificate, with no bearer header', async () => {
    const port = (server.address() as AddressInfo).port;
    const connection = await resolveConnection({ url: `https://127.0.0.1:${port}/skaha`, cert: userPem.combinedPath }, { env: home.env, homeDir: home.home });
    connection.ca = serverPem.cert;
    const client = new SkahaClient(connection);
    expect(await client.listSessions()).toEqual([]);
    await client.close();
    expect(seen).toEqual([{ cn: 'proxy_user', authorization: undefined }]);
  });

  it('an untrusted server certificate → NETWORK_ERROR mentioning certificates', async () => {
    const port = (server.address() as AddressInfo).port;
    const connection = await resolveConnection({ url: `https://127.0.0.1:${port}/skaha`, cert: userPem.combinedPath }, { env: home.env, homeDir: home.home });
    const client = new SkahaClient(connection);
    await expect(client.listSessions()).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/certificate/) });
    await client.close();
  });
});
