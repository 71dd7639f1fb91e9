// Coalesces render requests: at most one frame every `minIntervalMs` (20 fps at 50 ms), none when
// nothing asked for one, and no timer left running while idle. A request may ask to wait a little
// first (what the daemon sends comes in bursts: a patch, then its events a few ms apart), so a burst
// makes one frame; a key never waits.

import type { Clock, TimerHandle } from '../../src/ports/clock.js';

/** A render scheduler. */
export interface RenderLoop {
  /** Asks for a frame soon, no sooner than `waitMs` from now (coalesced with other requests; the earliest wins). */
  request(waitMs?: number): void;
  /** Draws now if a frame is pending (tests, and before quitting). */
  flush(): void;
  dispose(): void;
}

/** Creates a loop calling `draw` at most once per `minIntervalMs`. */
export function createRenderLoop(clock: Clock, draw: () => void, minIntervalMs = 50): RenderLoop {
  let timer: TimerHandle | null = null;
  let timerAt = Infinity;
  let last = -Infinity;
  let disposed = false;
  const run = () => {
    timer = null;
    timerAt = Infinity;
    if (disposed) return;
    last = clock.now();
    draw();
  };
  return {
    request(waitMs = 0) {
      if (disposed) return;
      const now = clock.now();
      const at = Math.max(last + minIntervalMs, now + waitMs);
      if (timer !== null) {
        if (timerAt <= at) return;
        clock.clearTimeout(timer);
      }
      timerAt = at;
      timer = clock.setTimeout(run, Math.max(0, at - now));
    },
    flush() {
      if (timer === null) return;
      clock.clearTimeout(timer);
      run();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
    },
  };
}
