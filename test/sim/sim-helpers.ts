import { FakeClock } from '../helpers/fake-clock.js';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/sim/index.js';

/** A plain HTTP answer: status, content type and body text. */
export interface Answer {
  status: number;
  type: string | null;
  text: string;
  headers: Headers;
}

/** A simulator on a fake clock plus small fetch helpers that send the first user's token. */
export interface TestSim {
  sim: RunningSimulator;
  clock: FakeClock;
  /** GET `/skaha/v1<path>` as JSON-accepting client. */
  get(path: string, token?: string | null): Promise<Answer>;
  /** POST `/skaha/v1<path>` with the form content type and an optional form body. */
  post(path: string, body?: string, headers?: Record<string, string>): Promise<Answer>;
  /** DELETE `/skaha/v1<path>`. */
  del(path: string): Promise<Answer>;
  /** GET and parse JSON. */
  json<T = unknown>(path: string): Promise<T>;
  /** Creates a session from query parameters and returns its id. */
  create(query: string): Promise<string>;
  /** Moves the fake clock by seconds. */
  tick(seconds: number): void;
  /** Calls the admin API (`/_sim<path>`) with the admin token and a JSON body; answers the status, headers and parsed JSON. */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Reads a fetch Response into an Answer. */
export async function answer(res: Response): Promise<Answer> {
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text(), headers: res.headers };
}

/** Starts a simulator with a FakeClock (2026-11-22T12:00:00Z) and seed 42 unless overridden. */
export async function startTestSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const clock = new FakeClock();
  const sim = await startSimulator({ seed: 42, clock, ...options });
  const auth = (token: string | null | undefined): Record<string, string> => (token === null ? {} : { Authorization: `Bearer ${token ?? sim.token}` });
  const api = sim.apiUrl;
  const t: TestSim = {
    sim,
    clock,
    get: async (path, token) => answer(await fetch(`${api}${path}`, { headers: { Accept: 'application/json', ...auth(token) } })),
    post: async (path, body = '', headers = {}) =>
      answer(
        await fetch(`${api}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...auth(undefined), ...headers },
          body,
        }),
      ),
    del: async (path) => answer(await fetch(`${api}${path}`, { method: 'DELETE', headers: auth(undefined) })),
    json: async <T>(path: string) => {
      const a = await t.get(path);
      if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${a.text}`);
      return JSON.parse(a.text) as T;
    },
    create: async (query) => {
      const a = await t.post(`/session?${query}`);
      if (a.status !== 200) throw new Error(`create ${query}: ${a.status} ${a.text}`);
      return a.text.trim();
    },
    tick: (seconds) => clock.advance(seconds * 1000),
    admin: async (method, path, body) => {
      const res = await fetch(`${sim.adminUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${sim.adminToken}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
    },
    close: () => sim.close(),
  };
  return t;
}

/** A session object as the simulator serves it (string numbers, optional fields). */
export type WireSession = Record<string, string | number | boolean | number[] | undefined> & {
  id: string;
  status: string;
  startTime?: string;
  expiryTime?: string;
};

/** The public notebook image used across tests. */
export const NOTEBOOK = 'images.canfar.net/skaha/astroml:latest';

/** The public headless image of the spec's examples. */
export const TERMINAL = 'images.canfar.net/skaha/terminal:1.1.1';

/** The reasons of an events table (empty for `<none>`). */
export function eventReasons(table: string): string[] {
  if (table === '<none>\n') return [];
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split(/\s{2,}/)[1]);
}

/** The rows of an events table split into their five columns. */
export function eventRows(table: string): string[][] {
  if (table === '<none>\n') return [];
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split(/\s{2,}/));
}
