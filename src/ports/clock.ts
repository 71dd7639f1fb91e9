/** An opaque timer handle returned by a Clock. */
export type TimerHandle = { readonly __timer: unique symbol } | ReturnType<typeof setTimeout>;

/** Time as the code sees it; injected so tests can move it without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timer from setTimeout. */
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock (Date.now and Node timers); timers never keep the process alive alone when `unref` is true. */
export function systemClock(options: { unref?: boolean } = {}): Clock {
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const t = setTimeout(fn, ms);
      if (options.unref) t.unref();
      return t;
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
