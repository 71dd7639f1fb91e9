import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';
import type { DaemonConnection } from '../../src/daemon-client/index.js';
import { restartDaemon } from '../../tui/restart-daemon.js';
import { shortTempDir } from '../daemon-client/socket-helpers.js';
import { rejectionOf } from '../helpers/rejection.js';

let tmp: ReturnType<typeof shortTempDir> | undefined;
let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  tmp?.cleanup();
});

/** A connection that records the methods asked of it and answers each at once. */
function recordingConnection(): { connection: DaemonConnection; asked: string[] } {
  const asked: string[] = [];
  const connection = { request: async (method: string) => void asked.push(method) } as unknown as DaemonConnection;
  return { connection, asked };
}

describe('restartDaemon (the dashboard restarting the daemon with its own connection)', () => {
  it('fails with DAEMON_UNAVAILABLE, naming the command to run, when the old daemon keeps its socket', async () => {
    tmp = shortTempDir();
    const paths = resolvePaths({ SKAHA_TUI_HOME: tmp.dir });
    mkdirSync(dirname(paths.socketPath), { recursive: true, mode: 0o700 });
    const listening = createServer();
    server = listening;
    await new Promise<void>((resolve) => listening.listen(paths.socketPath, resolve));
    const { connection, asked } = recordingConnection();
    const error = await rejectionOf(restartDaemon(connection, paths, { SKAHA_TUI_HOME: tmp.dir }, 300));
    expect(asked).toEqual(['shutdown']);
    expect(error.code).toBe('DAEMON_UNAVAILABLE');
    expect(error.message).toBe('the daemon did not stop within 0.3 s — try `skaha-tui daemon restart`');
  });
});
