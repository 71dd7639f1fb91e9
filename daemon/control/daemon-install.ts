import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { expandHome, type Paths } from '../../src/config/paths.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Output } from '../../src/cli/command-context.js';
import { AppError } from '../../src/domain/errors.js';
import { builtBinPath } from '../../src/daemon-client/daemon-command.js';
import { launchdAgent, systemdUnit, type ServiceCommand, type ServiceFile } from '../service/service-files.js';
import { CONTROL_TEXT } from './control-text.js';
import type { ControlOptions } from './control-options.js';

/** The service definition for this platform: a systemd user unit (Linux) or a launchd agent (macOS); CONFIG_ERROR elsewhere. */
export function serviceFileFor(paths: Paths, env: CliIo['env'], options: ControlOptions): ServiceFile {
  const platform = options.platform ?? process.platform;
  const home = options.homeDir ?? (env.HOME || homedir());
  const command: ServiceCommand = {
    nodePath: options.service?.nodePath ?? process.execPath,
    binPath: options.service?.binPath ?? builtBinPath(),
    env: pinnedEnv(env, home),
  };
  if (platform === 'linux') return systemdUnit(command, home);
  if (platform === 'darwin') return launchdAgent(command, paths.daemonLog, home);
  throw new AppError('CONFIG_ERROR', CONTROL_TEXT.installUnsupported(platform));
}

/** The only environment a service file pins: SKAHA_TUI_HOME, made absolute. Credentials stay out of it. */
export function pinnedEnv(env: CliIo['env'], home: string): Record<string, string> {
  const appHome = env.SKAHA_TUI_HOME;
  if (!appHome) return {};
  const expanded = expandHome(appHome, home);
  return { SKAHA_TUI_HOME: isAbsolute(expanded) ? expanded : resolve(expanded) };
}

/** `daemon install [--print]`: writes the service file (or prints it on stdout) and says how to enable it. */
export function daemonInstall(paths: Paths, io: CliIo, out: Output, print: boolean, options: ControlOptions): number {
  let file: ServiceFile;
  try {
    file = serviceFileFor(paths, io.env, options);
  } catch (error) {
    out.error(error);
    return 1;
  }
  const bin = options.service?.binPath ?? builtBinPath();
  if (!existsSync(bin)) out.note(CONTROL_TEXT.installBinMissing(bin));
  const enable = file.enableCommands.map((c) => `  ${c}\n`).join('');
  if (print) {
    out.print(file.content);
    out.note(`${CONTROL_TEXT.installPrintNote(file.path)}\n${enable.replace(/^ {2}/gm, '#   ')}`);
    return 0;
  }
  try {
    const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : null;
    if (current === file.content) {
      out.print(`${CONTROL_TEXT.installUnchanged(file.path)}\n`);
    } else {
      mkdirSync(dirname(file.path), { recursive: true });
      mkdirSync(paths.stateDir, { recursive: true, mode: 0o700 });
      writeFileSync(file.path, file.content, { mode: 0o644 });
      out.print(`${CONTROL_TEXT.installWrote(file.path)}\n`);
    }
  } catch (error) {
    out.error(error);
    return 1;
  }
  out.print(`${CONTROL_TEXT.installEnable}\n${enable}`);
  return 0;
}
