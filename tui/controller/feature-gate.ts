// Holds the keys-and-dialogs part of the dashboard while it loads: keys that come before it are kept
// in order and handled once it is in, so every key works the first time it is pressed. Loading never
// rejects into the void: a failure is reported (unless the dashboard has quit meanwhile).

import type { FeatureSource, Features } from './feature-types.js';

/** What the gate tells its dashboard. */
export interface GateEvents {
  /** The features are in (after the kept keys were handled). */
  loaded(): void;
  /** They could not be loaded; the kept keys were dropped (a later key tries again). */
  failed(error: unknown): void;
}

/** The features, loaded once, and the work waiting for them. */
export class FeatureGate {
  private features: Features | null;
  private loading = false;
  private closed = false;
  private waiting: ((features: Features) => void)[] = [];

  constructor(
    private readonly source: FeatureSource,
    private readonly events: GateEvents,
  ) {
    this.features = typeof source === 'function' ? null : source;
  }

  /** The features once loaded; null until then. */
  get loaded(): Features | null {
    return this.features;
  }

  /** Starts loading them, unless they are loaded or loading. */
  load(): void {
    if (this.features !== null || this.loading || this.closed || typeof this.source !== 'function') return;
    this.loading = true;
    this.source().then(
      (features) => {
        this.loading = false;
        if (this.closed) return;
        this.features = features;
        const waiting = this.waiting;
        this.waiting = [];
        for (const use of waiting) use(features);
        this.events.loaded();
      },
      (error: unknown) => {
        this.loading = false;
        this.waiting = [];
        if (!this.closed) this.events.failed(error);
      },
    );
  }

  /** Runs `use` with the features: now when they are loaded, else once they are, in the order asked. */
  use(use: (features: Features) => void): void {
    if (this.features !== null && this.waiting.length === 0) return use(this.features);
    this.waiting.push(use);
    this.load();
  }

  /** The dashboard quit: nothing waiting runs, and a load still in flight is ignored when it ends. */
  close(): void {
    this.closed = true;
    this.waiting = [];
  }
}
