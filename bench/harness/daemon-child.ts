// The daemon as `skaha-tui daemon` runs it (startDaemon, the settings connector, the JSON state file,
// the file logger), plus one probe: the store reports the moment each poll's new state is committed —
// right before the daemon diffs it and broadcasts the patch — with the process CPU time at that moment.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { resolvePaths } from '../../src/config/paths.js';
import { systemClock } from '../../src/ports/clock.js';
import type { DaemonState } from '../../src/state/state.js';
import { startDaemon } from '../../daemon/daemon.js';
import { createDaemonLogger } from '../../daemon/daemon-logger.js';
import { defaultCredentialFiles, settingsConnector } from '../../daemon/runtime/connect.js';
import { JsonStateStore } from '../../daemon/store/json-state-store.js';
import type { StateStore } from '../../daemon/store/state-store.js';
import { emit, serveChild } from './child.js';

/** What the probe reports for each poll: when (monotonic ns), the CPU used so far (µs), the poll time and how many sessions it listed. */
export interface PollCommit {
  hrNs: bigint;
  cpuUs: number;
  lastPollAt: number;
  sessions: number;
}

/** Wraps a store so that the first save of each new poll result is reported (after the daemon's own work). */
function probedStore(inner: StateStore): StateStore {
  let lastPollAt: number | null = null;
  return {
    load: () => inner.load(),
    save(state: DaemonState) {
      if (state.lastPollAt !== null && state.lastPollAt !== lastPollAt) {
        lastPollAt = state.lastPollAt;
        const hrNs = process.hrtime.bigint();
        const cpu = process.cpuUsage();
        const commit: PollCommit = { hrNs, cpuUs: cpu.user + cpu.system, lastPollAt, sessions: Object.keys(state.sessions).length };
        // Reported after the broadcast, so the report never delays the frames being measured.
        setImmediate(() => emit('poll', commit));
      }
      inner.save(state);
    },
    flush: () => inner.flush(),
    close: () => inner.close(),
  };
}

await serveChild(async () => {
  const env = process.env;
  const paths = resolvePaths(env);
  const clock = systemClock();
  const logger = createDaemonLogger({ file: paths.daemonLog, level: 'info', echo: null, secrets: () => [] });
  const daemon = await startDaemon({
    paths,
    clock,
    logger,
    env,
    connect: settingsConnector({}, env, paths, logger),
    credentialFiles: defaultCredentialFiles(env),
    store: probedStore(new JsonStateStore(paths.stateFile, { clock, logger, historyFile: paths.historyFile })),
  });
  // The event loop's worst delay since the last reset (the `burst` case), at 10 ms resolution. Sampled only from the
  // first reset on: its timer wakes the process every 10 ms, CPU that would count against the daemon's own figures (poll-cost).
  const loop = monitorEventLoopDelay({ resolution: 10 });
  return {
    info: { socketPath: paths.socketPath },
    methods: {
      resetLoopDelay: () => {
        loop.enable();
        loop.reset();
      },
      maxLoopDelayMs: () => loop.max / 1e6,
    },
    close: () => daemon.stop('bench over'),
  };
});
