import { settleConcurrently } from '../client/limit-concurrency.js';
import { toAppError, type AppError } from '../domain/errors.js';

/** One item's outcome in a bulk operation. */
export type BulkResult<T> = { id: string; ok: true; value: T } | { id: string; ok: false; error: AppError };

/** Runs `fn` for every id under the client's concurrency limiter; results come back in the ids' order, failures included. */
export async function runEach<T>(ids: readonly string[], concurrency: number, fn: (id: string) => Promise<T>): Promise<BulkResult<T>[]> {
  const settled = await settleConcurrently(ids, concurrency, (id) => fn(id));
  return settled.map((s, i): BulkResult<T> =>
    s.status === 'fulfilled' ? { id: ids[i], ok: true, value: s.value } : { id: ids[i], ok: false, error: toAppError(s.reason) },
  );
}

/** The ids without repeats, in first-seen order (so `delete a a` deletes once). */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
