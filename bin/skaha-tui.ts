#!/usr/bin/env node
// The one binary. It routes the first word to the code that handles it and imports only that code,
// so `skaha-tui ps --json` never loads the dashboard (blessed) or the daemon.

type Route = (argv: string[]) => Promise<number>;

const text = () => import('../src/cli/text.js');

/** `daemon` alone runs it in the foreground; `daemon start|stop|status|restart|install` manage a detached one. */
const daemonRoute: Route = async (argv) => {
  const control = await import('../daemon/control/run-daemon-control.js');
  if (control.isDaemonControl(argv)) return control.runDaemonControl(argv);
  return (await import('../daemon/main.js')).runDaemon(argv);
};

/** First words handled outside the direct CLI, each loading only its own code. */
const ROUTES: Record<string, Route> = {
  sim: async (argv) => (await import('../src/sim/cli.js')).runSimulatorCli(argv),
  demo: async (argv) => (await import('../tui/demo.js')).runDemo(argv),
  dashboard: async (argv) => (await import('../tui/main.js')).runDashboard(argv),
  daemon: daemonRoute,
  doctor: async (argv) => (await import('../daemon/control/run-doctor.js')).runDoctor(argv),
  completion: async (argv) =>
    (await import('../src/cli/completion/run-completion.js')).runCompletionCommand(argv, (await import('../src/cli/io.js')).processIo()),
  // What the completion scripts call on Tab: candidates for the word being typed, from the daemon's cache for ids.
  __complete: async (argv) => {
    const [{ runCompleteHelper }, { processIo }, { processDaemonAccess }] = await Promise.all([
      import('../src/cli/completion/run-completion.js'),
      import('../src/cli/io.js'),
      import('../src/cli/daemon-access.js'),
    ]);
    return runCompleteHelper(argv, processIo(), processDaemonAccess(process.env, {}, 'skaha-tui completion'));
  },
};

/** Whether the line starts with a dashboard option (`skaha-tui --readonly`); the options list loads only for a leading `--`. */
async function startsWithDashboardOption(argv: string[]): Promise<boolean> {
  if (!argv[0]?.startsWith('--')) return false;
  return (await import('../tui/options.js')).isDashboardOption(argv[0]);
}

/** No arguments at all opens the dashboard. */
const DASHBOARD: Route = async (argv) => (await import('../tui/main.js')).runDashboard(argv);

/** Everything else: the direct CLI (ps, launch, …, --help, --version). */
const CLI: Route = async (argv) => (await import('../src/cli/main.js')).runCli(argv);

async function main(argv: string[]): Promise<number> {
  // A closed pipe (`skaha-tui ps | head -1`) is the reader saying it has enough, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    // No command, or only dashboard options (`skaha-tui --readonly`), opens the dashboard.
    if (argv.length === 0 || (await startsWithDashboardOption(argv))) return await DASHBOARD(argv);
    const route = ROUTES[argv[0]];
    return await (route ? route(argv.slice(1)) : CLI(argv));
  } catch (error) {
    // Only a bug gets here: every expected failure is reported by the command itself.
    const [{ MESSAGES }, { terminalText }] = await Promise.all([text(), import('../src/domain/terminal-text.js')]);
    process.stderr.write(`${terminalText(MESSAGES.unexpected(error instanceof Error ? error.message : String(error)))}\n`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
