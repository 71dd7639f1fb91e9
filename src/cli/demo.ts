// What `skaha-tui demo` prints when it runs without a terminal: how to point the CLI at its simulator.

import { PROGRAM, MESSAGES } from './text.js';

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
