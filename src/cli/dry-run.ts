// --dry-run: the requests a launch, delete or renew would send, printed with their headers redacted.

import { replicaPayloads } from '../client/launch-params.js';
import type { LaunchRequest } from '../domain/launch.js';
import { isSecretEnvName, REDACTED } from '../state/launches.js';
import type { CommandContext } from './command-context.js';
import { JOB_TEXT } from './job-text.js';

/** One request that would be sent; header values that are credentials read `<redacted>`. */
export interface PlannedRequest {
  method: 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
}

/** Where the requests go and how they authenticate. */
export interface RequestTarget {
  root: string;
  auth: 'token' | 'certificate' | 'none';
}

function headers(target: RequestTarget, post: boolean, registry: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (target.auth === 'token') out.authorization = `Bearer ${REDACTED}`;
  if (post) out['content-type'] = 'application/x-www-form-urlencoded';
  if (registry) out['x-skaha-registry-auth'] = REDACTED;
  return out;
}

/** Pure: the POSTs a launch sends, one per replica; secret-looking env values are redacted in the URL too. */
export function plannedLaunch(target: RequestTarget, request: LaunchRequest, registry: boolean): PlannedRequest[] {
  return replicaPayloads(request).map(({ query }) => {
    const shown = new URLSearchParams();
    for (const [key, value] of query) {
      const eq = value.indexOf('=');
      shown.append(key, key === 'env' && eq > 0 && isSecretEnvName(value.slice(0, eq)) ? `${value.slice(0, eq)}=${REDACTED}` : value);
    }
    return { method: 'POST', url: `${target.root}/session?${shown.toString()}`, headers: headers(target, true, registry) };
  });
}

/** Pure: the requests deleting or renewing `ids` sends. */
export function plannedActions(target: RequestTarget, action: 'delete' | 'renew', ids: readonly string[]): PlannedRequest[] {
  return ids.map((id) =>
    action === 'delete'
      ? { method: 'DELETE', url: `${target.root}/session/${encodeURIComponent(id)}`, headers: headers(target, false, false) }
      : { method: 'POST', url: `${target.root}/session/${encodeURIComponent(id)}?action=renew`, headers: headers(target, true, false) },
  );
}

/** Prints what a dry run found: the requests (JSON with --json), and that nothing was sent; exit 0. */
export function printDryRun(ctx: CommandContext, what: string, planned: readonly PlannedRequest[], target: RequestTarget, viaDaemon: boolean): number {
  const { out } = ctx;
  if (out.json) {
    out.printJson({ dryRun: true, valid: true, requests: planned });
    return 0;
  }
  if (planned.length === 0) {
    out.print(`${JOB_TEXT.dryRunNothing(what)}\n`);
    return 0;
  }
  const lines = [JOB_TEXT.dryRunHeader(planned.length, what)];
  if (viaDaemon) lines.push(JOB_TEXT.viaDaemon);
  for (const request of planned) {
    lines.push(`${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) lines.push(`  ${name}: ${value}`);
    if (target.auth === 'certificate') lines.push(`  ${JOB_TEXT.clientCertificate}`);
  }
  out.print(`${lines.join('\n')}\n`);
  return 0;
}

/** --dry-run of a delete or renew of `ids` (already looked up: each is one of the user's sessions); exit 0. */
export async function dryRunActions(ctx: CommandContext, action: 'delete' | 'renew', ids: readonly string[], nothing?: string): Promise<number> {
  const target = await ctx.target();
  const what = ids.length === 0 && nothing ? nothing : `${action === 'delete' ? 'deleting' : 'renewing'} ${ids.join(' ')}`;
  return printDryRun(ctx, what, plannedActions(target, action, ids), target, (await ctx.daemon()) !== null);
}
