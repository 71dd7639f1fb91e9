import { AppError } from '../../src/domain/errors.js';
import type { LaunchRequest, LaunchResult } from '../../src/domain/launch.js';
import type { Image, PlatformStats, ResourceContext, SessionEvent, SessionLogs } from '../../src/domain/platform.js';
import type { PublicSession, Session } from '../../src/domain/session.js';
import type { ListOptions, SkahaApi } from '../../src/ports/skaha-api.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli, type CliDeps } from '../../src/cli/main.js';

/** The fixed "now" of handler tests. */
export const NOW = Date.parse('2026-11-22T12:00:00Z');

/** A session with sensible defaults. */
export function session(overrides: Partial<Session> = {}): Session {
  return {
    id: 'abcd1234',
    name: 'mynb',
    kind: 'notebook',
    status: 'Running',
    image: 'images.canfar.net/skaha/astroml:latest',
    user: 'alice',
    startedAt: '2026-11-19T08:00:00Z',
    expiresAt: '2026-11-23T08:00:00Z',
    url: 'https://workload.example/session/notebook/abcd1234/lab?token=abcd1234',
    cpu: { requested: 2, used: 0.5 },
    ramGB: { requested: 8, used: 1.5 },
    gpus: { requested: 0 },
    fixed: true,
    ...overrides,
  };
}

const notImplemented = (what: string) => () => Promise.reject(new AppError('INTERNAL_ERROR', `fake: ${what} not used`));

/** A SkahaApi fake at the port: in-memory sessions, scripted failures per id, and a log of calls. */
export class FakeApi implements SkahaApi {
  calls: string[] = [];
  sessions: Session[] = [];
  failures = new Map<string, AppError>();
  listFailure: AppError | null = null;
  logs: SessionLogs = { text: 'line 1\nline 2\n', truncated: false };
  events: SessionEvent[] = [];
  stats: PlatformStats = { cpu: { allocated: 12.5, capacity: 64, maxPerSession: 8 }, ramGB: { allocated: 137.439, capacity: 549.756, maxPerSession: 24 } };
  images: Image[] = [];
  context: ResourceContext = {
    cores: { default: 2, defaultRequest: 1, defaultLimit: 8, options: [1, 2, 3, 4] },
    ramGB: { default: 8, defaultRequest: 4, defaultLimit: 32, options: [1, 2, 4, 8] },
    gpus: { options: [] },
    maxInteractiveSessions: 3,
  };
  launchResults: ((request: LaunchRequest) => LaunchResult[]) | null = null;
  launched: LaunchRequest[] = [];
  /** Whether the connection behind this API has private-registry credentials. */
  registryAuth = false;

  private fail(id: string): void {
    const error = this.failures.get(id);
    if (error) throw error;
  }
  async listSessions(options: ListOptions = {}): Promise<Session[]> {
    this.calls.push(`list ${JSON.stringify(options)}`);
    if (this.listFailure) throw this.listFailure;
    return this.sessions.filter((s) => (!options.kind || s.kind === options.kind) && (!options.status || s.status === options.status));
  }
  async getSession(id: string): Promise<Session> {
    this.calls.push(`get ${id}`);
    this.fail(id);
    const found = this.sessions.find((s) => s.id === id);
    if (!found) throw new AppError('SKAHA_NOT_FOUND', `GET http://fake/session/${id}: 404 session ${id} not found`, { status: 404 });
    return found;
  }
  async getLogs(id: string): Promise<SessionLogs> {
    this.calls.push(`logs ${id}`);
    this.fail(id);
    return this.logs;
  }
  async getEvents(id: string): Promise<SessionEvent[]> {
    this.calls.push(`events ${id}`);
    this.fail(id);
    return this.events;
  }
  async getStats(): Promise<PlatformStats> {
    this.calls.push('stats');
    this.fail('stats');
    return this.stats;
  }
  async launch(request: LaunchRequest): Promise<LaunchResult[]> {
    this.calls.push('launch');
    this.launched.push(request);
    if (this.launchResults) return this.launchResults(request);
    return [{ name: request.name, id: 'new00001' }];
  }
  async deleteSession(id: string): Promise<void> {
    this.calls.push(`delete ${id}`);
    this.fail(id);
  }
  /** Session id → the expiry a renew sets (a renew of any other id changes nothing, like a server before skaha 1.4). */
  renewTo = new Map<string, string>();
  async renewSession(id: string): Promise<void> {
    this.calls.push(`renew ${id}`);
    this.fail(id);
    const expiresAt = this.renewTo.get(id);
    if (expiresAt) this.sessions = this.sessions.map((s) => (s.id === id ? { ...s, expiresAt } : s));
  }
  async listImages(kind?: string): Promise<Image[]> {
    this.calls.push(`images ${kind ?? ''}`);
    return this.images.filter((i) => !kind || i.types.includes(kind));
  }
  async getContext(): Promise<ResourceContext> {
    this.calls.push('context');
    return this.context;
  }
  /** What `view=all` lists. */
  allSessions: PublicSession[] = [];
  async listAllSessions(options: ListOptions = {}): Promise<PublicSession[]> {
    this.calls.push(`all ${JSON.stringify(options)}`);
    return this.allSessions.filter((s) => (!options.kind || s.kind === options.kind) && (!options.status || s.status === options.status));
  }
  listRepositories = notImplemented('listRepositories');
  getAvailability = notImplemented('getAvailability');
  listDesktopApps = notImplemented('listDesktopApps');
  getDesktopApp = notImplemented('getDesktopApp');
  launchDesktopApp = notImplemented('launchDesktopApp');
  deleteDesktopApp = notImplemented('deleteDesktopApp');
  getHomeStorage = notImplemented('getHomeStorage');
}

/** How a test's terminal looks. */
export interface IoOptions {
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  stdinTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** Answers to confirmation prompts, in order. */
  answers?: string[];
  /** The clock (default: always NOW). */
  now?: () => number;
}

/** An in-memory CliIo plus what was written to it. */
export function memoryIo(options: IoOptions = {}): { io: CliIo; stdout: () => string; stderr: () => string; prompts: string[] } {
  let out = '';
  let err = '';
  const prompts: string[] = [];
  const answers = [...(options.answers ?? [])];
  const io: CliIo = {
    stdout: { isTTY: options.stdoutTTY ?? false, write: (t: string) => (out += t) },
    stderr: { isTTY: options.stderrTTY ?? false, write: (t: string) => (err += t) },
    stdinIsTTY: options.stdinTTY ?? false,
    env: options.env ?? {},
    now: options.now ?? (() => NOW),
    prompt: async (q) => {
      prompts.push(q);
      err += q;
      return answers.shift() ?? '';
    },
  };
  return { io, stdout: () => out, stderr: () => err, prompts };
}

/** The outcome of one CLI run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  prompts: string[];
  /** Whether the API was opened (credentials resolved). */
  opened: boolean;
  closed: boolean;
}

/** Runs the CLI in-process against `api`; no daemon runs unless `deps` brings one (fakes from fake-daemon.ts). */
export async function run(
  argv: string[],
  api: FakeApi = new FakeApi(),
  options: IoOptions = {},
  secrets: string[] = [],
  deps: Omit<CliDeps, 'openApi'> = {},
): Promise<RunResult> {
  const m = memoryIo(options);
  let opened = false;
  let closed = false;
  const { fakeAccess, FakeSystem } = await import('./fake-daemon.js');
  const code = await runCli(argv, m.io, {
    daemon: deps.daemon ?? fakeAccess(null),
    system: deps.system ?? new FakeSystem(),
    openApi: async () => {
      opened = true;
      return {
        api,
        concurrency: 4,
        secrets,
        registryAuth: api.registryAuth,
        root: 'https://skaha.test/skaha/v1',
        auth: 'token',
        close: async () => void (closed = true),
      };
    },
  });
  return { code, stdout: m.stdout(), stderr: m.stderr(), prompts: m.prompts, opened, closed };
}
