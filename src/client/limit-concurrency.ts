/** Runs a task under a concurrency limit. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A limiter that runs at most `limit` tasks at once, in submission order. */
export function limitConcurrency(limit: number): Limiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const queue: Array<() => void> = [];
  const next = (): void => {
    if (active >= max) return;
    const start = queue.shift();
    if (start) start();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        active++;
        let result: Promise<T>;
        try {
          result = Promise.resolve(task());
        } catch (error) {
          result = Promise.reject(error);
        }
        result.then(resolve, reject).finally(() => {
          active--;
          next();
        });
      });
      next();
    });
}

/** Maps items through `fn` with at most `limit` calls in flight; rejects on the first failure (like Promise.all). */
export function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const run = limitConcurrency(limit);
  return Promise.all(items.map((item, index) => run(() => fn(item, index))));
}

/** Maps items through `fn` with at most `limit` calls in flight; every item gets its own settled result (bulk delete/renew/info). */
export function settleConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const run = limitConcurrency(limit);
  return Promise.allSettled(items.map((item, index) => run(() => fn(item, index))));
}
