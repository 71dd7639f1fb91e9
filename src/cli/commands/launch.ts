import { errorFromJSON } from '../../domain/errors.js';
import { storedName, type LaunchRequest, type LaunchResult } from '../../domain/launch.js';
import { LAUNCHABLE_KINDS } from '../../domain/session.js';
import { validateLaunch } from '../../domain/validate-launch.js';
import type { CommandHandler } from '../command-context.js';
import { launchResultJson } from '../json-output.js';
import { flagOption, listOption, numberOption, stringOption, UsageError, type ParsedArgs } from '../parse-args.js';
import { randomScientist } from '../scientist-names.js';
import { launchSessions } from '../session-actions.js';
import { MESSAGES, USAGE_ERRORS } from '../text.js';

/** Builds the launch request from `launch KIND IMAGE [options] [-- CMD ARGS...]`; throws UsageError for an unknown kind. */
export function launchRequestFromArgs(args: ParsedArgs, pickName: () => string = randomScientist): LaunchRequest {
  const [kindArg, image] = args.positionals;
  const kind = LAUNCHABLE_KINDS.find((k) => k === kindArg.toLowerCase());
  if (!kind) throw new UsageError(USAGE_ERRORS.badChoice('KIND', kindArg, LAUNCHABLE_KINDS), 'launch');
  const request: LaunchRequest = { kind, image, name: stringOption(args, 'name') ?? pickName() };
  const cores = numberOption(args, 'cores');
  const ram = numberOption(args, 'ram');
  const gpus = numberOption(args, 'gpus');
  const replicas = numberOption(args, 'replicas');
  const env = listOption(args, 'env');
  if (cores !== undefined) request.cores = cores;
  if (ram !== undefined) request.ram = ram;
  if (gpus !== undefined) request.gpus = gpus;
  if (replicas !== undefined) request.replicas = replicas;
  if (env.length > 0) request.env = env;
  // As in canfar: the first word after `--` is the command, the rest (space-joined) its arguments.
  const [cmd, ...rest] = args.rest ?? [];
  if (cmd !== undefined) request.cmd = cmd;
  if (rest.length > 0) request.args = rest.join(' ');
  return request;
}

/**
 * `launch`: validates (printing warnings on stderr), launches every replica (through the daemon when it runs),
 * reports each; with --wait, waits for them and reports how they ended. Exit 1 if any replica failed.
 */
export const launchCommand: CommandHandler = async (ctx) => {
  const { args, out } = ctx;
  const request = launchRequestFromArgs(args);
  const wait = flagOption(args, 'wait');
  for (const warning of validateLaunch(request).warnings) out.warn(warning);
  // Skaha keeps names in lower case: report them as `ps` will list them.
  const results: LaunchResult[] = (await launchSessions(ctx, request)).map((r) => ({ ...r, name: storedName(r.name) }));
  const waiting = wait && results.some((r) => 'id' in r);
  if (out.json && !waiting) {
    out.printJson(results.map(launchResultJson));
  } else if (!out.json) {
    for (const result of results) {
      if ('id' in result) out.print(`${MESSAGES.created(result.name, result.id)}\n`);
      else out.error(errorFromJSON({ code: result.error.code, message: MESSAGES.launchFailed(result.name, result.error.message) }));
    }
    if (storedName(request.name) !== request.name && results.some((r) => 'id' in r)) out.note(MESSAGES.lowercased(request.name, storedName(request.name)));
  }
  if (waiting) return (await import('../launch-wait.js')).waitForLaunch(ctx, request.kind, results);
  return results.every((r) => 'id' in r) ? 0 : 1;
};
