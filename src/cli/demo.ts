// `skaha-tui demo` (what `npm start` runs) until the dashboard exists: a simulator plus how to use the CLI with it.

import { processIo, type CliIo } from './io.js';
import { PROGRAM, MESSAGES, USAGE_ERRORS } from './text.js';

/** Resolves when the user asks to stop (Ctrl-C or SIGTERM). */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The lines demo prints once the simulator listens: its URL, the exports to use it, commands to try. */
export function demoInstructions(baseUrl: string, token: string): string {
  const cli = `npx ${PROGRAM}`;
  return [
    MESSAGES.demoStarted(baseUrl),
    '',
    MESSAGES.demoPointCli,
    `  export SKAHA_URL=${baseUrl}`,
    `  export SKAHA_TOKEN=${token}`,
    '',
    MESSAGES.demoTryIt,
    `  ${cli} launch notebook skaha/astroml:latest`,
    `  ${cli} ps`,
    `  ${cli} launch headless skaha/terminal:1.1.1 --replicas 3 -- echo hi`,
    `  ${cli} ps --all --json`,
    '',
    MESSAGES.demoStop,
    '',
  ].join('\n');
}

/** Starts a simulator on a free port, prints how to point the CLI at it, and runs until `stop` resolves; exit code. */
export async function runDemo(argv: readonly string[], io: CliIo = processIo(), stop: () => Promise<void> = untilSignal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    const { routedHelp } = await import('./help.js');
    io.stdout.write(routedHelp('demo'));
    return 0;
  }
  if (argv.length > 0) {
    io.stderr.write(`${MESSAGES.errorPrefix}${USAGE_ERRORS.tooManyArguments(argv)}\n${USAGE_ERRORS.pointer('demo')}\n`);
    return 2;
  }
  const stopped = stop();
  const { startSimulator } = await import('../sim/index.js');
  const sim = await startSimulator({ port: 0 });
  // The simulator's token is a throwaway fake, so printing it is the point here (never a real credential).
  io.stdout.write(demoInstructions(sim.baseUrl, sim.token));
  await stopped;
  await sim.close();
  io.stderr.write(`${MESSAGES.demoStopped}\n`);
  return 0;
}
