import { toAppError } from '../../src/domain/errors.js';
import { settleConcurrently } from '../../src/client/limit-concurrency.js';
import type { BulkResult } from '../../src/protocol/requests.js';

/** Runs `fn` once per distinct id under a concurrency limit; each id gets its own outcome, in request order. */
export async function bulkPerId(ids: readonly string[], limit: number, fn: (id: string) => Promise<void>): Promise<BulkResult[]> {
  const unique = [...new Set(ids)];
  const settled = await settleConcurrently(unique, limit, fn);
  return unique.map((id, i): BulkResult => {
    const outcome = settled[i];
    return outcome.status === 'fulfilled' ? { id, ok: true } : { id, ok: false, error: toAppError(outcome.reason).toJSON() };
  });
}
