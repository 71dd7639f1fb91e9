// Bench helpers run in child processes so that each one's CPU and memory can be measured alone.
// The parent talks to a child over Node's IPC channel: calls with ids, answers, and pushed events.

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { HARNESS_DIR } from './paths.js';

type Handler = (...args: any[]) => unknown;

/** What a child script serves: information for the parent, methods it may call, and how to shut down. */
export interface ChildService {
  info: Record<string, unknown>;
  methods: Record<string, Handler>;
  close(): Promise<void>;
}

/** A bench child process seen from the parent. */
export interface BenchChild<I = Record<string, unknown>> {
  pid: number;
  process: ChildProcess;
  /** What the child reported when it was ready. */
  info: I;
  /** Calls one of the child's methods and resolves with its result. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** Listens to events the child pushes with `emit`. */
  on(event: string, listener: (data: any) => void): void;
  /** Asks the child to close, then kills it if it has not exited within 5 s. */
  stop(): Promise<void>;
}

type Message =
  | { kind: 'ready'; info: Record<string, unknown> }
  | { kind: 'result'; id: number; ok: boolean; value?: unknown; error?: string }
  | { kind: 'event'; event: string; data: unknown };

/** Forks `script` (a file in this folder, as built) with JSON options and waits until it is ready. */
export async function startChild<I = Record<string, unknown>>(
  script: string,
  options: unknown,
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): Promise<BenchChild<I>> {
  const child = fork(join(HARNESS_DIR, script), [JSON.stringify(options)], {
    env,
    execArgv: [...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const listeners = new Map<string, Array<(data: unknown) => void>>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      // A child that dies must not leave a case waiting forever on a call it will never answer.
      for (const call of pending.values()) call.reject(new Error(`${script} exited (${signal ?? code}) during a call`));
      pending.clear();
      resolve();
    }),
  );
  const info = await new Promise<I>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on('message', (message: Message) => {
      if (message.kind === 'ready') resolve(message.info as I);
      else if (message.kind === 'result') {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) call?.resolve(message.value);
        else call?.reject(new Error(`${script}: ${message.error}`));
      } else if (message.kind === 'event') for (const listener of listeners.get(message.event) ?? []) listener(message.data);
    });
  });
  return {
    pid: child.pid!,
    process: child,
    info,
    call: <T>(method: string, ...args: unknown[]) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, method, args });
      }),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ id: 0, method: '__close', args: [] });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Pushes an event to the parent (a no-op when there is none). */
export function emit(event: string, data: unknown): void {
  process.send?.({ kind: 'event', event, data });
}

/** The child side: parses the options, starts the service, answers calls, and exits after `__close`. */
export async function serveChild(start: (options: any) => Promise<ChildService>): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as unknown;
  const service = await start(options);
  let closing: Promise<void> | null = null;
  const shutdown = () => {
    closing ??= service
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
    return closing;
  };
  const answer = async (message: { id: number; method: string; args: unknown[] }) => {
    if (message.method === '__close') return void shutdown();
    try {
      const handler = service.methods[message.method];
      if (!handler) throw new Error(`no method ${message.method}`);
      process.send!({ kind: 'result', id: message.id, ok: true, value: await handler(...message.args) });
    } catch (error) {
      process.send!({ kind: 'result', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  process.on('message', (message: { id: number; method: string; args: unknown[] }) => void answer(message));
  // The parent going away (a crashed bench) must not leave this child behind.
  process.on('disconnect', () => void shutdown());
  process.send!({ kind: 'ready', info: service.info });
}
