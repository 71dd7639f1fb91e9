// A fake daemon process for ensureDaemon and `daemon start|stop|status` tests: compiled by
// compile-child.ts and run as `node fake-daemon-main.js '<json options>'` with SKAHA_TUI_HOME set.
import { AppError } from '../../src/domain/errors.js';
import { resolvePaths } from '../../src/config/paths.js';
import { initialState } from '../../src/state/state.js';
import { ensurePrivateDir } from '../../daemon/instance/private-dir.js';
import { removePidFile, writePidFile } from '../../daemon/instance/pid-file.js';
import { byId, makeSession } from '../state/builders.js';
import { startFakeDaemon } from './fake-daemon.js';

interface ChildOptions {
  /** Answer `shutdown` with an error (stop must fall back to SIGTERM). */
  refuseShutdown?: boolean;
  /** Exit with code 3 at once, saying why on stderr. */
  failAtStart?: boolean;
  /** Wait this long before listening. */
  delayMs?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const paths = resolvePaths(process.env);
if (options.failAtStart) {
  process.stderr.write('fake daemon: cannot start: boom\n');
  process.exit(3);
}
await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
ensurePrivateDir(paths.runtimeDir);
writePidFile(paths.pidFile);
const now = Date.now();
const state = {
  ...initialState(),
  sessions: byId(makeSession({ id: 'aaaa1111' }), makeSession({ id: 'bbbb2222' })),
  health: { state: 'ok' as const, since: now - 60_000, lastError: null, lastSuccessAt: now, failingSince: null, statsFailing: false, stale: false },
  lastPollAt: now - 5_000,
};
const exit = () => {
  removePidFile(paths.pidFile);
  process.stdout.write('fake daemon: stopped\n');
  process.exit(0);
};
const fake = await startFakeDaemon({
  socketPath: paths.socketPath,
  state,
  daemonVersion: 'fake-child',
  handlers: options.refuseShutdown
    ? {
        shutdown: () => {
          throw new AppError('INTERNAL_ERROR', 'this fake refuses to shut down');
        },
      }
    : {},
  onShutdown: exit,
});
process.on('SIGTERM', () => void fake.close().then(exit));
process.stdout.write(`fake daemon: listening on ${paths.socketPath}\n`);
