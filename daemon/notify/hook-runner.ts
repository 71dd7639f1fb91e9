import { childEnv } from '../../src/config/child-env.js';
import type { Logger } from '../../src/ports/logger.js';
import { runCommand } from './run-command.js';

/** A user hook: a shell command run on chosen event kinds ('*' for all). */
export interface HookConfig {
  command: string;
  events: string[];
  timeoutMs?: number;
}

/** The fields of an event a hook sees in its environment; the whole event goes to stdin as JSON. */
export interface HookEvent {
  kind: string;
  sessionId?: string;
  sessionName?: string;
  status?: string;
  /** Why a session failed ("likely out of memory"), when it failed. */
  cause?: string;
  /** True when the daemon inferred the cause (no event said so). */
  causeInferred?: boolean;
}

/** The default time a hook may run before it is killed. */
export const DEFAULT_HOOK_TIMEOUT_MS = 10_000;

/** Whether a hook wants an event kind. */
export function hookWants(hook: HookConfig, kind: string): boolean {
  return hook.events.includes('*') || hook.events.includes(kind);
}

/** The environment a hook runs with: the daemon's (credentials removed) plus SKAHA_EVENT, SKAHA_SESSION_ID, SKAHA_SESSION_NAME, SKAHA_STATUS and, for a failure, SKAHA_CAUSE and SKAHA_CAUSE_INFERRED. */
export function hookEnvironment(event: HookEvent, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // A hook is user code: it gets no credentials from the daemon's environment.
  const env = childEnv(base, { SKAHA_EVENT: event.kind });
  if (event.sessionId) env.SKAHA_SESSION_ID = event.sessionId;
  if (event.sessionName) env.SKAHA_SESSION_NAME = event.sessionName;
  if (event.status) env.SKAHA_STATUS = event.status;
  if (event.cause) {
    env.SKAHA_CAUSE = event.cause;
    env.SKAHA_CAUSE_INFERRED = event.causeInferred ? 'true' : 'false';
  }
  return env;
}

/** Runs one hook for an event (its time limit starts now); a failure or a time-out is logged, never thrown. */
export async function runHook(hook: HookConfig, event: HookEvent, logger: Logger): Promise<void> {
  const result = await runCommand(hook.command, {
    shell: true,
    env: hookEnvironment(event),
    stdin: JSON.stringify(event) + '\n',
    timeoutMs: hook.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS,
  });
  if (result.exitCode === 0) return;
  logger.warn(`hook "${hook.command}" failed on ${event.kind}`, {
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    stderr: result.stderr.trim(),
    error: result.spawnError,
  });
}

/** Runs every hook that wants the event, in parallel; failures and time-outs are logged, never thrown. */
export async function runHooks(hooks: readonly HookConfig[], event: HookEvent, logger: Logger): Promise<void> {
  await Promise.all(hooks.filter((hook) => hookWants(hook, event.kind)).map((hook) => runHook(hook, event, logger)));
}
