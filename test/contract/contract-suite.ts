import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SkahaClient } from '../../src/client/skaha-client.js';
import { createConnection } from '../../src/config/create-connection.js';
import type { Session } from '../../src/domain/session.js';
import { rejectionOf } from '../helpers/rejection.js';

/** A running backend the suite talks to: the service root (e.g. `http://127.0.0.1:P/skaha`) and a valid token. */
export interface ContractBackend {
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const numOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** Asserts that a value is a well-typed Session. */
export function expectSession(s: Session): void {
  expect(typeof s.id === 'string' && s.id.length > 0).toBe(true);
  for (const key of ['name', 'kind', 'status', 'image'] as const) expect(typeof s[key]).toBe('string');
  expect(s.user === null || typeof s.user === 'string').toBe(true);
  for (const t of [s.startedAt, s.expiresAt]) expect(t === null || ISO.test(t)).toBe(true);
  expect(s.url === null || /^https?:\/\//.test(s.url)).toBe(true);
  for (const n of [s.cpu.requested, s.cpu.used, s.ramGB.requested, s.ramGB.used, s.gpus.requested]) expect(numOrNull(n)).toBe(true);
  expect(s.fixed === null || typeof s.fixed === 'boolean').toBe(true);
}

/** Registers the backend-agnostic client contract tests against a backend started by `startBackend`. */
export function defineContractSuite(backendName: string, startBackend: () => Promise<ContractBackend>): void {
  describe(`Skaha client contract: ${backendName}`, () => {
    let backend: ContractBackend;
    let client: SkahaClient;
    let launchedId: string | undefined;

    beforeAll(async () => {
      backend = await startBackend();
      client = new SkahaClient(createConnection({ url: backend.baseUrl, token: backend.token, timeouts: { totalMs: 10_000 } }));
    });
    afterAll(async () => {
      if (launchedId) await client.deleteSession(launchedId).catch(() => undefined);
      await client?.close();
      await backend?.close();
    });

    it('lists well-typed sessions', async () => {
      const sessions = await client.listSessions();
      expect(Array.isArray(sessions)).toBe(true);
      sessions.forEach(expectSession);
    });

    it('launches a notebook that getSession then finds with kind, lowercased name and image', async () => {
      const notebooks = await client.listImages('notebook');
      const image = notebooks[0]?.id ?? 'images.canfar.net/skaha/astroml:latest';
      const results = await client.launch({ name: 'Contract-NB', image, kind: 'notebook' });
      expect(results).toHaveLength(1);
      const [result] = results;
      expect(result.name).toBe('Contract-NB');
      if (!('id' in result)) throw new Error(`launch failed: ${result.error.code} ${result.error.message}`);
      launchedId = result.id;
      const session = await client.getSession(result.id);
      expectSession(session);
      expect(session).toMatchObject({ id: result.id, kind: 'notebook', name: 'contract-nb', image });
      expect((await client.listSessions()).map((s) => s.id)).toContain(result.id);
    });

    it("parses the launched session's events into rows (or none) and reads its logs as text", async () => {
      const id = launchedId ?? (await client.listSessions())[0]?.id;
      expect(id).toBeTruthy();
      const events = await client.getEvents(id);
      for (const e of events) {
        for (const key of ['type', 'reason', 'message'] as const) expect(typeof e[key]).toBe('string');
        expect(e.firstTime === null || typeof e.firstTime === 'string').toBe(true);
        expect(e.lastTime === null || typeof e.lastTime === 'string').toBe(true);
      }
      const logs = await client.getLogs(id);
      expect(typeof logs.text).toBe('string');
      expect(logs.truncated).toBe(false);
    });

    it('resolves a delete of an unknown id', async () => {
      await expect(client.deleteSession('zzzz0000')).resolves.toBeUndefined();
    });

    it('getSession of an unknown id → SKAHA_NOT_FOUND', async () => {
      const err = await rejectionOf(client.getSession('zzzz0000'));
      expect(err.code).toBe('SKAHA_NOT_FOUND');
      expect(err.status).toBe(404);
    });

    it('stats are well-typed', async () => {
      const stats = await client.getStats();
      for (const part of [stats.cpu, stats.ramGB]) for (const v of [part.allocated, part.capacity, part.maxPerSession]) expect(numOrNull(v)).toBe(true);
    });

    it('images, context, repositories and availability are well-typed', async () => {
      const images = await client.listImages();
      expect(images.length).toBeGreaterThan(0);
      for (const img of images) {
        expect(typeof img.id).toBe('string');
        expect(img.types.every((t) => typeof t === 'string')).toBe(true);
        expect(img.digest === null || typeof img.digest === 'string').toBe(true);
      }
      const context = await client.getContext();
      for (const r of [context.cores, context.ramGB]) {
        expect(r.options.length).toBeGreaterThan(0);
        expect(r.options.every((n) => typeof n === 'number')).toBe(true);
        for (const v of [r.default, r.defaultRequest, r.defaultLimit]) expect(numOrNull(v)).toBe(true);
      }
      expect(numOrNull(context.maxInteractiveSessions)).toBe(true);
      expect((await client.listRepositories()).every((h) => typeof h === 'string')).toBe(true);
      expect(typeof (await client.getAvailability()).available).toBe('boolean');
    });

    it('a missing or wrong token → SKAHA_UNAUTHORIZED', async () => {
      for (const token of [undefined, 'wrong-token-000']) {
        const other = new SkahaClient(createConnection({ url: backend.baseUrl, token }));
        const err = await rejectionOf(other.listSessions());
        await other.close();
        expect(err.code).toBe('SKAHA_UNAUTHORIZED');
        expect(err.status).toBe(401);
      }
    });

    it("the server's own 400 text arrives verbatim", async () => {
      // The client only normalises this image (3 parts, has a tag); the server refuses its registry host.
      const [result] = await client.launch({ name: 'contract-bad', image: 'docker.io/library/ubuntu:22.04', kind: 'notebook' });
      expect('error' in result).toBe(true);
      if (!('error' in result)) return;
      expect(result.error.code).toBe('SKAHA_BAD_REQUEST');
      expect(result.error.message).toContain("session image 'docker.io/library/ubuntu:22.04' must come from one of [");
      const err = await rejectionOf(client.listImages('bogus'));
      expect(err.code).toBe('SKAHA_BAD_REQUEST');
      expect(err.serverText).toBe('unknown type: bogus');
    });
  });
}
