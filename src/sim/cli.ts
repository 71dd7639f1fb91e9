import { writeFile } from 'node:fs/promises';
import type { Logger } from '../ports/logger.js';
import { parseSimArgs, SIM_USAGE } from './cli-args.js';
import { seedDemo } from './demo.js';
import { startSimulator } from './index.js';

/** Where `skaha-tui sim` writes, and an optional signal that stops it (tests); SIGINT/SIGTERM stop it too. */
export interface SimCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  signal?: AbortSignal;
}

function stderrLogger(io: SimCliIo): Logger {
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    io.stderr.write(`[sim ${level}] ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const done = (why: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onInt = (): void => done('SIGINT');
    const onTerm = (): void => done('SIGTERM');
    const onAbort = (): void => done('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) done('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `skaha-tui sim`: starts the simulator, prints how to use it, runs until SIGINT/SIGTERM; returns the exit code. */
export async function runSimulatorCli(argv: string[], io: SimCliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let parsed: ReturnType<typeof parseSimArgs>;
  try {
    parsed = parseSimArgs(argv);
  } catch (error) {
    io.stderr.write(`skaha-tui sim: ${(error as Error).message}\nRun 'skaha-tui sim --help' for the options.\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(`${SIM_USAGE}\n`);
    return 0;
  }
  const options = { ...parsed.options, logger: parsed.verbose ? stderrLogger(io) : undefined };
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ' (the port is in use: pick another with --port, or --port 0 for a free one)' : '';
    io.stderr.write(`skaha-tui sim: cannot start the simulator: ${(error as Error).message}${hint}\n`);
    return 1;
  }
  const seeded = parsed.seedDemo ? seedDemo(sim, options.speed ?? 1, { keepCap: parsed.options.maxInteractiveSessions !== undefined }).length : 0;
  let loginLines: string[] = [];
  if (parsed.canfarConfig) {
    try {
      await writeFile(parsed.canfarConfig, await sim.oidc.canfarConfig(), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      await sim.close();
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr.write(
        `skaha-tui sim: cannot write ${parsed.canfarConfig}: ${code === 'EEXIST' ? 'it exists (it is never overwritten); pick a new path' : String(code ?? error)}\n`,
      );
      return 1;
    }
    loginLines = [
      `or a canfar config with an OIDC login (refreshed by the daemon): ${parsed.canfarConfig}`,
      `  copy it to ~/.canfar/config.yaml of a test HOME`,
    ];
  }
  const users = Object.entries(sim.tokens);
  const width = Math.max(...users.map(([name]) => name.length));
  io.stdout.write(
    [
      `Skaha simulator listening (seed ${sim.seed}, speed ${options.speed ?? 1}${seeded ? `, ${seeded} demo sessions` : ''})`,
      `  base URL   ${sim.baseUrl}`,
      `  API        ${sim.apiUrl}`,
      ...users.map(([name, token]) => `  token      ${name.padEnd(width)}  ${token}`),
      `  admin URL  ${sim.adminUrl}  (Authorization: Bearer ${sim.adminToken})`,
      `  OIDC       ${sim.oidc.tokenUrl}  (access tokens last ${sim.oidc.settings.accessLifetimeSec} s, logins ${sim.oidc.settings.refreshLifetimeSec} s)`,
      '',
      'Point skaha-tui at it:',
      `  export SKAHA_URL=${sim.baseUrl}`,
      `  export SKAHA_TOKEN=${sim.token}`,
      'or the official canfar client:',
      `  export CANFAR_URL=${sim.apiUrl}`,
      `  export CANFAR_TOKEN=${sim.token}`,
      ...loginLines,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const why = await waitForStop(io.signal);
  await sim.close();
  io.stdout.write(`Skaha simulator stopped (${why}).\n`);
  return 0;
}
