// What createDashboard returns to its owner (main, tests).

import type { DashboardModel, Frame } from '../render/frame.js';

/** A running dashboard. */
export interface DashboardHandle {
  /** Resolves with the exit code once the user quits. */
  done: Promise<number>;
  /** The current model. */
  model(): DashboardModel;
  /** Feeds a key by its dashboard name ('j', 'enter', 'C-d', …), as the keyboard would. */
  handleKey(name: string): void;
  /** Draws a pending frame now instead of waiting for the render tick. */
  flush(): void;
  /** The last frame drawn. */
  frame(): Frame | null;
  /** Detaches from the daemon and the screen (the owner destroys the screen). */
  stop(): Promise<void>;
}
