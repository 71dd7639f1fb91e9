#!/usr/bin/env node
// The one binary. It routes the first word to the code that handles it and imports only that code,
// so `skaha-tui ps --json` never loads the dashboard (blessed) or the daemon.

type Route = (argv: string[]) => Promise<number>;

const text = () => import('../src/cli/text.js');

/** Says a part of skaha-tui is not built yet and exits 2. */
const notYet =
  (what: string): Route =>
  async () => {
    const { MESSAGES } = await text();
    process.stderr.write(`${MESSAGES.notYet(what)}\n${MESSAGES.notYetHint}\n`);
    return 2;
  };

/**
 * First words handled outside the direct CLI. Later issues plug in here with dynamic imports:
 * `daemon` → (await import('../daemon/main.js')).runDaemonCli(argv), `demo` → the dashboard in demo mode.
 */
const ROUTES: Record<string, Route> = {
  sim: async (argv) => (await import('../src/sim/cli.js')).runSimulatorCli(argv),
  demo: async (argv) => (await import('../src/cli/demo.js')).runDemo(argv),
  daemon: notYet('daemon'),
};

/** No arguments at all opens the dashboard. Later: (await import('../tui/main.js')).runDashboard(argv). */
const DASHBOARD: Route = notYet('dashboard');

/** Everything else: the direct CLI (ps, launch, …, --help, --version). */
const CLI: Route = async (argv) => (await import('../src/cli/main.js')).runCli(argv);

async function main(argv: string[]): Promise<number> {
  // A closed pipe (`skaha-tui ps | head -1`) is the reader saying it has enough, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    if (argv.length === 0) return await DASHBOARD(argv);
    const route = ROUTES[argv[0]];
    return await (route ? route(argv.slice(1)) : CLI(argv));
  } catch (error) {
    // Only a bug gets here: every expected failure is reported by the command itself.
    const { MESSAGES } = await text();
    process.stderr.write(`${MESSAGES.unexpected(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
