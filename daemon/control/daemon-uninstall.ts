import { execFile } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { Paths } from '../../src/config/paths.js';
import { childEnv } from '../../src/config/child-env.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Output } from '../../src/cli/command-context.js';
import type { ServiceFile } from '../service/service-files.js';
import { CONTROL_TEXT } from './control-text.js';
import type { ControlOptions } from './control-options.js';
import { serviceFileFor } from './daemon-install.js';

/** Runs one service-manager command; resolves with its failure message, or null when it worked. */
function runManager(argv: string[], env: CliIo['env']): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(argv[0], argv.slice(1), { env: childEnv(env), timeout: 15_000 }, (error, _stdout, stderr) => {
      resolve(error ? (stderr.trim() || error.message).split('\n')[0] : null);
    });
  });
}

/**
 * `daemon uninstall`: undoes `daemon install`. It stops and disables the service (a failure there only
 * means it was not running), removes the file install wrote, and lets the service manager forget it.
 */
export async function daemonUninstall(paths: Paths, io: CliIo, out: Output, options: ControlOptions): Promise<number> {
  let file: ServiceFile;
  try {
    file = serviceFileFor(paths, io.env, options);
  } catch (error) {
    out.error(error);
    return 1;
  }
  if (!existsSync(file.path)) {
    out.print(`${CONTROL_TEXT.uninstallNothing(file.path)}\n`);
    return 0;
  }
  for (const argv of file.disableCommands) {
    const failure = await runManager(argv, io.env);
    out.print(`${failure === null ? CONTROL_TEXT.uninstallRan(argv.join(' ')) : CONTROL_TEXT.uninstallRanFailed(argv.join(' '), failure)}\n`);
  }
  try {
    rmSync(file.path);
  } catch (error) {
    out.error(error);
    return 1;
  }
  out.print(`${CONTROL_TEXT.uninstallRemoved(file.path)}\n`);
  for (const argv of file.afterRemoveCommands) {
    const failure = await runManager(argv, io.env);
    if (failure !== null) out.warn(CONTROL_TEXT.uninstallRanFailed(argv.join(' '), failure));
  }
  return 0;
}
