import { nameMatcher } from '../../domain/name-pattern.js';
import type { Session } from '../../domain/session.js';
import type { CommandHandler } from '../command-context.js';
import { confirmDeletion } from '../confirm.js';
import { mySessions } from '../daemon-cache.js';
import { flagOption, stringOption, UsageError } from '../parse-args.js';
import { actOnSessions } from '../session-actions.js';
import { dryRunActions } from '../dry-run.js';
import { MESSAGES, USAGE_ERRORS } from '../text.js';

/** Prune's defaults, as in canfar, except the status: current servers report Completed, never Succeeded. */
export const PRUNE_DEFAULTS = { kind: 'headless', status: 'Completed' } as const;

/** Pure: the sessions of `kind` and `status` whose names match `pattern` (a prefix, or a regex when it has regex characters). */
export function pruneTargets(sessions: readonly Session[], pattern: string, kind: string, status: string): Session[] {
  let matches: (name: string) => boolean;
  try {
    matches = nameMatcher(pattern);
  } catch (error) {
    throw new UsageError(USAGE_ERRORS.badPattern(pattern, (error as Error).message), 'prune');
  }
  return sessions.filter((s) => s.kind === kind && s.status === status && matches(s.name));
}

/**
 * `prune PATTERN [--kind K] [--status S] [--force] [--json]`: deletes the matching sessions (through the daemon when
 * it runs), after listing them and asking on a terminal unless --force; without a terminal --force is required.
 * --dry-run only shows the DELETEs it would send.
 */
export const pruneCommand: CommandHandler = async (ctx) => {
  const { args, out, io } = ctx;
  const pattern = args.positionals[0];
  const kind = stringOption(args, 'kind') ?? PRUNE_DEFAULTS.kind;
  const status = stringOption(args, 'status') ?? PRUNE_DEFAULTS.status;
  const force = flagOption(args, 'force');
  const dryRun = flagOption(args, 'dry-run');
  pruneTargets([], pattern, kind, status); // a bad regex is a usage error before anything is asked
  if (!force && !dryRun && !io.stdinIsTTY) throw new UsageError(USAGE_ERRORS.pruneWithoutTerminal, 'prune');
  const targets = pruneTargets(await mySessions(ctx, { kind, status }), pattern, kind, status);
  if (dryRun)
    return dryRunActions(
      ctx,
      'delete',
      targets.map((s) => s.id),
      MESSAGES.pruneNothing(pattern, kind, status),
    );
  if (targets.length === 0) {
    if (out.json) out.printJson([]);
    else out.print(`${MESSAGES.pruneNothing(pattern, kind, status)}\n`);
    return 0;
  }
  const byId = new Map(targets.map((s) => [s.id, s]));
  if (!force && !(await confirmDeletion(ctx, [...byId.keys()], byId))) {
    out.note(MESSAGES.aborted);
    return 1;
  }
  const results = await actOnSessions(ctx, 'delete', [...byId.keys()]);
  if (out.json) {
    out.printJson(
      results.map((r) => {
        const name = byId.get(r.id)?.name ?? null;
        return r.ok ? { id: r.id, name, ok: true } : { id: r.id, name, ok: false, error: { code: r.error.code, message: r.error.message } };
      }),
    );
  } else {
    for (const r of results) {
      if (r.ok) out.print(`${MESSAGES.deleted(r.id)}\n`);
      else out.error(r.error, r.id);
    }
  }
  return results.every((r) => r.ok) ? 0 : 1;
};
