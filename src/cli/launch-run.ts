// What launch and relaunch share once the request is known: checks, the secrets it needs, a dry run,
// the launch itself (through the daemon when it runs) and the report of each replica.

import { validateLaunch } from '../client/validate-launch.js';
import { checkImageCatalogue } from '../client/check-image-catalogue.js';
import { AppError, errorFromJSON } from '../domain/errors.js';
import { storedName, type LaunchRequest, type LaunchResult } from '../domain/launch.js';
import { REDACTED, redactedNames } from '../state/launches.js';
import type { CommandContext } from './command-context.js';
import { plannedLaunch, printDryRun } from './dry-run.js';
import { JOB_TEXT } from './job-text.js';
import { launchResultJson } from './json-output.js';
import { flagOption, UsageError } from './parse-args.js';
import { launchSessions, registryAuthFromEnv } from './session-actions.js';
import { MESSAGES } from './text.js';

/** Whether a launch from here would carry private-registry credentials: this shell's, the daemon's, or this connection's. */
export async function registryAvailable(ctx: CommandContext): Promise<boolean> {
  if (registryAuthFromEnv(ctx.io.env)) return true;
  const conn = await ctx.daemon();
  if (conn) return conn.state?.credentials?.registry === true;
  return ctx.registryConfigured();
}

/**
 * The request with every `<redacted>` env value filled in: asked for on a terminal (not echoed), else a
 * usage error saying to give it with --env. `where` names what held the placeholder.
 */
export async function fillRedacted(ctx: CommandContext, request: LaunchRequest, where: string, command: string): Promise<LaunchRequest> {
  const names = redactedNames(request.env ?? []);
  if (names.length === 0) return request;
  const ask = ctx.io.stdinIsTTY ? ctx.io.promptSecret : undefined;
  const values = new Map<string, string>();
  for (const name of names) {
    const value = ask ? await ask(JOB_TEXT.askSecret(name)) : '';
    if (value === '') throw new UsageError(JOB_TEXT.secretNotKept(name, where), command);
    values.set(name, value);
  }
  const env = (request.env ?? []).map((entry) => {
    const name = entry.slice(0, entry.indexOf('='));
    return entry === `${name}=${REDACTED}` && values.has(name) ? `${name}=${values.get(name)}` : entry;
  });
  return { ...request, env };
}

/** Throws CREDENTIALS_ERROR when `what` needs private-registry credentials and none would be sent. */
export async function requireRegistry(ctx: CommandContext, what: string): Promise<void> {
  if (!(await registryAvailable(ctx))) throw new AppError('CREDENTIALS_ERROR', JOB_TEXT.registryNeeded(what));
}

/** --dry-run of a launch: the rules, the /context options and the catalogue, then the POSTs it would send; nothing is sent. */
export async function dryRunLaunch(ctx: CommandContext, request: LaunchRequest, what: string): Promise<number> {
  validateLaunch(request);
  const conn = await ctx.daemon();
  const registry = await registryAvailable(ctx);
  const api = conn ? null : await ctx.api();
  const context = conn ? await conn.request('context', {}) : await api!.getContext();
  const { request: valid, warnings } = validateLaunch(request, context);
  await checkImageCatalogue(valid, () => (conn ? conn.request('images', {}) : api!.listImages()), registry, ctx.log);
  for (const warning of warnings) ctx.out.warn(warning);
  const target = await ctx.target();
  // Configured registry credentials go with every launch, as the header.
  return printDryRun(ctx, what, plannedLaunch(target, valid, registry), target, conn !== null);
}

/** Launches `request` and reports each replica as `launch` does; with --wait, waits for them. Exit 1 if any failed. */
export async function launchAndReport(ctx: CommandContext, request: LaunchRequest): Promise<number> {
  const { args, out } = ctx;
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
  if (waiting) return (await import('./launch-wait.js')).waitForLaunch(ctx, request.kind, results);
  return results.every((r) => 'id' in r) ? 0 : 1;
}
