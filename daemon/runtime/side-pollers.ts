import { toAppError } from '../../src/domain/errors.js';
import type { Image, ResourceContext, SessionEvent } from '../../src/domain/platform.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { RepeatingTask } from '../poll/repeating-task.js';
import type { ApiHolder } from './api-holder.js';
import { FlightCache } from './flight-cache.js';
import type { StateRuntime } from './state-runtime.js';

/** What the side pollers need. */
export interface SidePollersDeps {
  clock: Clock;
  logger: Logger;
  runtime: StateRuntime;
  connection: ApiHolder;
  config: () => DaemonConfig;
  /** True while Skaha refuses the credentials: side polls wait, so the platform is not hammered. */
  paused: () => boolean;
}

/** How long a `context` answer is reused for clients (it changes with the platform's configuration, rarely). */
export const CONTEXT_TTL_MS = 10_000;

/** How long a session's Kubernetes events are reused for clients (they explain a Pending session: seconds matter). */
export const EVENTS_TTL_MS = 3_000;

/**
 * The slower polls beside the session poller: platform stats (health degraded on failure) and the
 * catalogue (context, images, repositories) on their own non-overlapping loops, plus the reads
 * clients ask for, through one FlightCache: one request per endpoint and id in flight, a fresh
 * answer reused (the scheduled polls refresh it too).
 */
export class SidePollers {
  private readonly stats: RepeatingTask;
  private readonly catalogueTask: RepeatingTask;
  private readonly reads: FlightCache;

  constructor(private readonly deps: SidePollersDeps) {
    this.reads = new FlightCache(deps.clock);
    this.stats = new RepeatingTask({ clock: deps.clock, run: () => this.pollStats(), nextDelay: () => deps.config().polling.statsMs });
    this.catalogueTask = new RepeatingTask({
      clock: deps.clock,
      run: () => this.pollCatalogue(),
      nextDelay: () => deps.config().polling.catalogueMs,
    });
  }

  /** Starts both loops at once. */
  start(): void {
    this.stats.start(0);
    this.catalogueTask.start(0);
  }

  /** Stops both loops. */
  stop(): void {
    this.stats.stop();
    this.catalogueTask.stop();
  }

  /**
   * Reads stats now (or joins the read in flight), unless a read succeeded within the stats interval:
   * stats are snapshots the metrics backend refreshes every few minutes, so nothing polls them faster.
   */
  statsNow(): Promise<void> {
    const last = this.deps.runtime.state().lastStatsAt;
    if (last !== null && !this.deps.runtime.state().health.statsFailing && this.deps.clock.now() - last < this.deps.config().polling.statsMs)
      return Promise.resolve();
    return this.stats.runNow();
  }

  /** Resolves when no side poll is in flight. */
  async idle(): Promise<void> {
    for (const task of [this.stats, this.catalogueTask]) while (task.running) await task.runNow();
  }

  /** The image catalogue (optionally of one kind): the catalogue poll's when fresh, else read now (once for all callers). */
  async images(kind?: string): Promise<Image[]> {
    const images = await this.reads.get('images', this.deps.config().polling.catalogueMs, () => this.deps.connection.api().listImages());
    return kind === undefined ? images : images.filter((image) => image.types.includes(kind));
  }

  /** The resource context: a read of the last few seconds, else read now (once for all callers) and recorded in the state. */
  context(): Promise<ResourceContext> {
    return this.reads.get('context', CONTEXT_TTL_MS, async () => {
      const context = await this.deps.connection.api().getContext();
      void this.deps.runtime.apply({ type: 'context.loaded', context, at: this.deps.clock.now() });
      return context;
    });
  }

  /** A session's Kubernetes events: a read of the last few seconds, else read now (once for all callers). */
  events(sessionId: string): Promise<SessionEvent[]> {
    return this.reads.get(`events:${sessionId}`, EVENTS_TTL_MS, () => this.deps.connection.api().getEvents(sessionId));
  }

  private async pollStats(): Promise<void> {
    if (this.deps.paused()) return;
    try {
      const stats = await this.deps.connection.api().getStats();
      await this.deps.runtime.apply({ type: 'stats.succeeded', stats, at: this.deps.clock.now() });
    } catch (error) {
      const failure = toAppError(error).toJSON();
      this.deps.logger.debug('stats poll failed', { code: failure.code, error: failure.message });
      await this.deps.runtime.apply({ type: 'stats.failed', error: failure, at: this.deps.clock.now() });
    }
  }

  private async pollCatalogue(): Promise<void> {
    if (this.deps.paused()) return;
    const api = (() => {
      try {
        return this.deps.connection.api();
      } catch {
        return null;
      }
    })();
    if (!api) return;
    const [context, images, repositories] = await Promise.allSettled([api.getContext(), api.listImages(), api.listRepositories()]);
    const at = this.deps.clock.now();
    if (context.status === 'fulfilled') {
      this.reads.set('context', context.value);
      await this.deps.runtime.apply({ type: 'context.loaded', context: context.value, at });
    }
    if (images.status === 'fulfilled') this.reads.set('images', images.value);
    for (const result of [context, images, repositories]) {
      if (result.status === 'rejected') this.deps.logger.debug('catalogue read failed', { error: toAppError(result.reason).message });
    }
  }
}
