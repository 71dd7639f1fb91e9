import { AppError } from '../../domain/errors.js';
import { noSessionError } from '../../domain/no-session.js';
import { uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { formatClockDay, formatTimeLeft } from '../format.js';
import { lookUpSessions } from '../known-sessions.js';
import { renewChecked } from '../renew-checked.js';
import { dryRunActions } from '../dry-run.js';
import { flagOption } from '../parse-args.js';
import { LABELS, MESSAGES } from '../text.js';

/**
 * `renew ID...`: renews each session (through the daemon when it runs), then reads it again: "renewed
 * until 14:02 Thu" when the expiry moved; otherwise "not renewed" and why (a headless job needs none,
 * more time left than a renew gives, or the server did not renew it), or the server's error. Exit 1
 * unless every expiry moved; an id that is not one of the user's sessions says "no session". --dry-run only
 * shows the renew requests it would send.
 */
export const renewCommand: CommandHandler = async (ctx) => {
  const { args, io, out } = ctx;
  const ids = uniqueIds(args.positionals);
  const { found, unknown, listing } = await lookUpSessions(ctx, ids);
  for (const id of unknown) out.error(noSessionError(id));
  const sessions = ids.filter((id) => found.has(id)).map((id) => found.get(id)!);
  if (flagOption(args, 'dry-run'))
    return unknown.length > 0
      ? 1
      : dryRunActions(
          ctx,
          'renew',
          sessions.map((s) => s.id),
        );
  const results = sessions.length > 0 ? await renewChecked(ctx, sessions, listing) : [];
  let ok = unknown.length === 0;
  for (const { id, check, error } of results) {
    if (check?.outcome === 'renewed') {
      out.print(`${MESSAGES.renewedUntil(id, formatClockDay(check.expiresAt), LABELS.inTime(formatTimeLeft(check.expiresAt, io.now())))}\n`);
      continue;
    }
    ok = false;
    if (error) out.error(error, id);
    else out.error(new AppError('SESSION_STATE', MESSAGES.notRenewed(check?.why ?? 'its expiry did not move')), id);
  }
  return ok ? 0 : 1;
};
