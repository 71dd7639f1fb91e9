import { describe, expect, it } from 'vitest';
import { DEFAULT_DAEMON_CONFIG } from '../../../daemon/config/daemon-config.js';
import { HookDispatcher, hookPayload } from '../../../daemon/runtime/hook-dispatch.js';
import { StateRuntime } from '../../../daemon/runtime/state-runtime.js';
import { MemoryStateStore } from '../../../daemon/store/memory-state-store.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { DaemonFrame } from '../../../src/protocol/codec.js';
import { initialState } from '../../../src/state/state.js';
import { makeSession } from '../../helpers/builders.js';
import { FakeClock } from '../../helpers/fake-clock.js';

/** A store that logs what it was asked, so the order against notifications can be checked. */
class RecordingStore extends MemoryStateStore {
  constructor(private readonly trail: string[]) {
    super();
  }
  override async flush(): Promise<void> {
    this.trail.push(`flush:${Object.keys(this.saved?.emitted ?? {}).join(',')}`);
  }
}

function setup() {
  const trail: string[] = [];
  const frames: DaemonFrame[] = [];
  const clock = new FakeClock();
  const store = new RecordingStore(trail);
  const runtime = new StateRuntime(initialState(), {
    clock,
    logger: silentLogger,
    store,
    config: () => DEFAULT_DAEMON_CONFIG,
    notifier: { mechanism: 'test', notify: async (n) => (trail.push(`notify:${n.title}`), true) },
    hooks: new HookDispatcher(() => [], silentLogger),
    broadcast: (frame) => void frames.push(frame),
    hasClients: () => true,
  });
  return { trail, frames, clock, store, runtime };
}

describe('StateRuntime', () => {
  it('persists the emitted keys before anything is shown (at-most-once across kill -9)', async () => {
    const { trail, frames, clock, store, runtime } = setup();
    await runtime.apply({ type: 'poll.succeeded', sessions: [makeSession({ id: 'a1', status: 'Pending' })], at: clock.now() });
    expect(trail).toEqual([]);
    clock.advance(2_000);
    await runtime.apply({ type: 'poll.succeeded', sessions: [makeSession({ id: 'a1', status: 'Running' })], at: clock.now() });
    expect(trail).toEqual(['flush:status:a1:Running', 'notify:Session nb-main is ready']);
    const topics = frames.map((f) => (f.type === 'event' ? f.topic : f.type));
    expect(topics.indexOf('session:status-changed')).toBeLessThan(topics.indexOf('notification'));
    expect(store.saved?.notifications.map((n) => n.key)).toEqual(['status:a1:Running']);
    // The same change seen again (a restart replaying it) reports nothing.
    await runtime.apply({ type: 'poll.succeeded', sessions: [makeSession({ id: 'a1', status: 'Running' })], at: clock.now() });
    expect(trail).toHaveLength(2);
  });

  it('patches clients on each change and says when health changes', async () => {
    const { frames, clock, runtime } = setup();
    await runtime.apply({ type: 'poll.failed', error: { code: 'SKAHA_UNAUTHORIZED', message: 'no' }, at: clock.now() });
    const topics = frames.map((f) => (f.type === 'event' ? f.topic : f.type));
    expect(topics).toContain('state:patch');
    expect(topics).toContain('health:changed');
    expect(topics).toContain('platform:down');
  });

  it('gives hooks the whole event plus the session fields', () => {
    const session = makeSession({ id: 'h1', name: 'nb', status: 'Running' });
    const payload = hookPayload({ type: 'session:status-changed', key: 'k', at: 1, session, from: 'Pending', to: 'Running' });
    expect(payload).toMatchObject({ kind: 'session:status-changed', sessionId: 'h1', sessionName: 'nb', status: 'Running', from: 'Pending', session });
  });
});
