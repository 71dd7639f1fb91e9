// Coalesces render requests: at most one frame every `minIntervalMs` (20 fps at 50 ms), none when
// nothing asked for one, and no timer left running while idle.

import type { Clock, TimerHandle } from '../../src/ports/clock.js';

/** A render scheduler. */
export interface RenderLoop {
  /** Asks for a frame soon (coalesced with other requests). */
  request(): void;
  /** Draws now if a frame is pending (tests, and before quitting). */
  flush(): void;
  dispose(): void;
}

/** Creates a loop calling `draw` at most once per `minIntervalMs`. */
export function createRenderLoop(clock: Clock, draw: () => void, minIntervalMs = 50): RenderLoop {
  let timer: TimerHandle | null = null;
  let last = -Infinity;
  let disposed = false;
  const run = () => {
    timer = null;
    if (disposed) return;
    last = clock.now();
    draw();
  };
  return {
    request() {
      if (timer !== null || disposed) return;
      timer = clock.setTimeout(run, Math.max(0, last + minIntervalMs - clock.now()));
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
