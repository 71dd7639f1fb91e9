import { toAppError } from '../../src/domain/errors.js';
import type { Image, ResourceContext } from '../../src/domain/platform.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import type { DaemonConfig } from '../config/daemon-config.js';
import { RepeatingTask } from '../poll/repeating-task.js';
import type { ApiHolder } from './api-holder.js';
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

/** The catalogue as last read: images, registry hosts and when. */
interface Catalogue {
  images: Image[] | null;
  repositories: string[] | null;
  at: number | null;
}

/**
 * The slower polls beside the session poller: platform stats (health degraded on failure) and the
 * catalogue (context, images, repositories) on their own non-overlapping loops, plus on-demand reads.
 */
export class SidePollers {
  private readonly stats: RepeatingTask;
  private readonly catalogueTask: RepeatingTask;
  private catalogue: Catalogue = { images: null, repositories: null, at: null };

  constructor(private readonly deps: SidePollersDeps) {
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

  /** Reads stats now (or joins the read in flight). */
  statsNow(): Promise<void> {
    return this.stats.runNow();
  }

  /** Resolves when no side poll is in flight. */
  async idle(): Promise<void> {
    for (const task of [this.stats, this.catalogueTask]) while (task.running) await task.runNow();
  }

  /** The image catalogue (optionally of one kind): cached when fresh, else read now. */
  async images(kind?: string): Promise<Image[]> {
    const fresh = this.catalogue.at !== null && this.deps.clock.now() - this.catalogue.at < this.deps.config().polling.catalogueMs;
    if (!fresh || !this.catalogue.images) {
      this.catalogue = { ...this.catalogue, images: await this.deps.connection.api().listImages(), at: this.deps.clock.now() };
    }
    const images = this.catalogue.images ?? [];
    return kind === undefined ? images : images.filter((image) => image.types.includes(kind));
  }

  /** The resource context, read now and recorded in the state. */
  async context(): Promise<ResourceContext> {
    const context = await this.deps.connection.api().getContext();
    void this.deps.runtime.apply({ type: 'context.loaded', context, at: this.deps.clock.now() });
    return context;
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
    if (context.status === 'fulfilled') await this.deps.runtime.apply({ type: 'context.loaded', context: context.value, at });
    this.catalogue = {
      images: images.status === 'fulfilled' ? images.value : this.catalogue.images,
      repositories: repositories.status === 'fulfilled' ? repositories.value : this.catalogue.repositories,
      at: images.status === 'fulfilled' ? at : this.catalogue.at,
    };
    for (const result of [context, images, repositories]) {
      if (result.status === 'rejected') this.deps.logger.debug('catalogue read failed', { error: toAppError(result.reason).message });
    }
  }
}
