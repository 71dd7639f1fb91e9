import { runEach, uniqueIds } from '../bulk.js';
import type { CommandHandler } from '../command-context.js';
import { formatTimeLeft, formatTimestamp } from '../format.js';
import { LABELS, MESSAGES } from '../text.js';

/** `renew ID...`: renews each session, then shows its new expiry; exit 1 if any renewal failed. */
export const renewCommand: CommandHandler = async ({ args, io, out, api, concurrency }) => {
  const client = await api();
  const results = await runEach(uniqueIds(args.positionals), await concurrency(), async (id) => {
    await client.renewSession(id);
    // The server answers renew with an empty body; re-reading the session shows the new expiry.
    return client.getSession(id).then(
      (s) => s.expiresAt,
      () => null,
    );
  });
  for (const result of results) {
    if (!result.ok) {
      out.error(result.error, result.id);
      continue;
    }
    const expiry = result.value ? `${formatTimestamp(result.value)} (${LABELS.inTime(formatTimeLeft(result.value, io.now()))})` : '';
    out.print(`${MESSAGES.renewed(result.id, expiry)}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
};
