import { describe, expect, it } from 'vitest';
import { LogFollower, type LogUpdate } from '../../../daemon/logs/log-follower.js';
import { LogBytes } from '../../../src/domain/log-bytes.js';
import { FakeClock } from '../../helpers/fake-clock.js';

const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

describe('LogFollower over log bytes', () => {
  it('reads the log as bytes when the API can, in any chunking, and passes on only the new lines', async () => {
    const clock = new FakeClock();
    let log = 'boot ✓\n';
    let textReads = 0;
    const updates: LogUpdate[] = [];
    const follower = new LogFollower({
      api: {
        getLogs: async () => {
          textReads++;
          return { text: log, truncated: false };
        },
        // One byte a chunk: characters and lines cut everywhere.
        getLogBytes: async () =>
          LogBytes.of(
            [...Buffer.from(log, 'utf8')].map((b) => Buffer.from([b])),
            false,
          ),
      },
      clock,
      refreshMs: 2_000,
      bufferLines: 100,
      onUpdate: (u) => updates.push(u),
    });
    follower.subscribe('s1', 'c1');
    clock.advance(0);
    await flush();
    log += 'ready — ünïcode\nhalf';
    clock.advance(2_000);
    await flush();
    log += ' line\n';
    clock.advance(2_000);
    await flush();
    follower.stop();
    expect(updates).toEqual([
      { sessionId: 's1', kind: 'reset', lines: ['boot ✓'] },
      { sessionId: 's1', kind: 'append', lines: ['ready — ünïcode'] },
      { sessionId: 's1', kind: 'append', lines: ['half line'] },
    ]);
    expect(textReads).toBe(0);
  });
});
