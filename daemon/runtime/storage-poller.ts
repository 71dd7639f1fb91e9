import { dictGet } from '../../src/domain/dict.js';
import { toAppError } from '../../src/domain/errors.js';
import { DEFAULT_HOME_NODES, nodePath } from '../../src/client/home-storage.js';
import { STORAGE_UNKNOWN } from '../../src/state/storage.js';
import { RepeatingTask } from '../poll/repeating-task.js';
import type { SidePollersDeps } from './side-pollers.js';

/** What the storage poller needs: what the side pollers need (it waits, like them, while Skaha refuses the credentials). */
export type StoragePollerDeps = SidePollersDeps;

/**
 * Reads home storage from its VOSpace node every few minutes (never more often than every 5: the
 * portal treats a read as fresh that long), for the user the config names or the session listing
 * shows. A server without the service leaves it "unknown", never an error. Runs never overlap.
 */
export class StoragePoller {
  private readonly task: RepeatingTask;
  private waitingForUser = false;
  /** The last read came before the first session poll, so it did not happen. */
  private early = false;
  /** The node template that answered last, tried first next time. */
  private preferred: string | null = null;

  constructor(private readonly deps: StoragePollerDeps) {
    this.task = new RepeatingTask({ clock: deps.clock, run: () => this.read(), nextDelay: () => deps.config().storage.intervalMinutes * 60_000 });
  }

  /** Starts reading, after the first session poll has said who the user is (see afterPoll). */
  start(): void {
    this.task.start(0);
  }

  /** Stops the loop. */
  stop(): void {
    this.task.stop();
  }

  /** After a session poll: a read that waited for the first poll, or for a session naming the user, runs now. */
  afterPoll(): void {
    if (this.early || (this.waitingForUser && this.user() !== null)) void this.task.runNow();
  }

  /** Resolves when no read is in flight. */
  async idle(): Promise<void> {
    while (this.task.running) await this.task.runNow();
  }

  private user(): string | null {
    const configured = this.deps.config().storage.user;
    if (configured) return configured;
    const state = this.deps.runtime.state();
    for (const id of Object.keys(state.sessions)) {
      const user = dictGet(state.sessions, id)?.user;
      if (user) return user;
    }
    return state.storage?.user ?? null;
  }

  private nodes(): string[] {
    const configured = this.deps.config().storage.node;
    const nodes = configured ? [configured] : [...DEFAULT_HOME_NODES];
    return this.preferred && nodes.includes(this.preferred) ? [this.preferred, ...nodes.filter((n) => n !== this.preferred)] : nodes;
  }

  private async read(): Promise<void> {
    if (!this.deps.config().storage.enabled || this.deps.paused()) return;
    // Before the first session poll nobody can say whose home it is: wait for it rather than say "unknown".
    this.early = this.deps.runtime.state().lastPollAt === null;
    if (this.early) return;
    const user = this.user();
    this.waitingForUser = user === null;
    const at = () => this.deps.clock.now();
    if (user === null) return this.deps.runtime.apply({ type: 'storage.failed', why: STORAGE_UNKNOWN.noUser, at: at() });
    const nodes = this.nodes();
    try {
      const storage = await this.deps.connection.api().getHomeStorage(user, nodes);
      this.preferred = nodes.find((template) => nodePath(template, user) === storage.node) ?? null;
      await this.deps.runtime.apply({ type: 'storage.read', storage, at: at() });
    } catch (error) {
      const failure = toAppError(error);
      this.deps.logger.debug('storage read failed', { code: failure.code, error: failure.message });
      const why = failure.code === 'SKAHA_NOT_FOUND' ? STORAGE_UNKNOWN.noService : STORAGE_UNKNOWN.failed(failure.message);
      await this.deps.runtime.apply({ type: 'storage.failed', why, at: at() });
    }
  }
}
