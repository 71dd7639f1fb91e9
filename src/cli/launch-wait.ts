// `launch --wait`: after the launch, wait until interactive sessions run and headless jobs finish, then report each.

import { errorFromJSON } from '../domain/errors.js';
import type { LaunchResult } from '../domain/launch.js';
import { isFinished, type LaunchableKind, type Session } from '../domain/session.js';
import type { CommandContext } from './command-context.js';
import { launchResultJson, sessionJson } from './json-output.js';
import { progressLine } from './progress-line.js';
import { readerFor } from './session-readers.js';
import { waitForSessions } from './session-wait.js';
import { MESSAGES } from './text.js';

/** Pure: whether waiting for a session of `kind` is over: a headless job has finished, anything else has left Pending. */
export function launchSettled(kind: LaunchableKind): (session: Session) => boolean {
  return kind === 'headless' ? isFinished : (s) => s.status !== 'Pending';
}

/** Pure: whether a replica ended well: a job Completed (or Succeeded), an interactive session Running. */
export function launchSucceeded(kind: LaunchableKind, session: Session | null): boolean {
  if (!session) return false;
  return kind === 'headless' ? session.status === 'Completed' || session.status === 'Succeeded' : session.status === 'Running';
}

/** Waits for the launched replicas and prints their URLs or final statuses; exit 1 if any failed, 130 on Ctrl-C. */
export async function waitForLaunch(ctx: CommandContext, kind: LaunchableKind, results: readonly LaunchResult[]): Promise<number> {
  const { out, io, system } = ctx;
  const launched = results.filter((r): r is { name: string; id: string } => 'id' in r);
  const interrupt = system.interrupt();
  try {
    const outcome = await waitForSessions({
      ids: launched.map((r) => r.id),
      reader: await readerFor(ctx),
      settled: launchSettled(kind),
      system,
      signal: interrupt.signal,
      now: io.now,
      progress: progressLine(io.stderr),
      log: ctx.log,
    });
    if (outcome.interrupted) {
      out.note(MESSAGES.waitStopped);
      return 130;
    }
    let failed = results.length - launched.length;
    const json: unknown[] = [];
    for (const result of results) {
      if (!('id' in result)) {
        json.push(launchResultJson(result));
        continue;
      }
      const session = outcome.sessions.get(result.id) ?? null;
      const ok = launchSucceeded(kind, session);
      if (!ok) failed++;
      json.push({ ...launchResultJson(result), status: session?.status ?? MESSAGES.gone, url: session ? sessionJson(session).url : null });
      if (!out.json) report(ctx, kind, result, session, ok);
    }
    if (out.json) out.printJson(json);
    return failed === 0 ? 0 : 1;
  } finally {
    interrupt.dispose();
  }
}

function report(ctx: CommandContext, kind: LaunchableKind, result: { name: string; id: string }, session: Session | null, ok: boolean): void {
  const { out } = ctx;
  const status = session?.status ?? MESSAGES.gone;
  if (kind === 'headless') {
    if (ok) out.print(`${MESSAGES.jobFinished(result.name, result.id, status)}\n`);
    else out.error(errorFromJSON({ code: 'INTERNAL_ERROR', message: MESSAGES.jobFinished(result.name, result.id, status) }));
  } else if (ok) {
    out.print(`${session?.url ? MESSAGES.ready(result.name, result.id, session.url) : MESSAGES.runningNoUrl(result.name, result.id)}\n`);
  } else {
    out.error(errorFromJSON({ code: 'INTERNAL_ERROR', message: MESSAGES.endedAs(result.name, result.id, status) }));
  }
}
