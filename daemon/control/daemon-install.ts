import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { dirname } from 'node:path';
import { expandHome, type Paths } from '../../src/config/paths.js';
import type { CliIo } from '../../src/cli/io.js';
import type { Output } from '../../src/cli/command-context.js';
import { AppError } from '../../src/domain/errors.js';
import { builtBinPath } from '../../src/daemon-client/daemon-command.js';
import { launchdAgent, systemdUnit, type ServiceCommand, type ServiceFile } from '../service/service-files.js';
import { CONTROL_TEXT } from './control-text.js';
import type { ControlOptions } from './control-options.js';
import { checkServiceConnection } from './service-connection.js';

/** The folder variables a service file pins (made absolute) so the service finds the same config and state; never credentials. */
const PINNED_FOLDERS = ['SKAHA_TUI_HOME', 'XDG_CONFIG_HOME', 'XDG_STATE_HOME'] as const;

/** The home folder the service runs under. */
export function serviceHome(env: CliIo['env'], options: ControlOptions): string {
  return options.homeDir ?? (env.HOME || homedir());
}

/** The service definition for this platform: a systemd user unit (Linux) or a launchd agent (macOS); CONFIG_ERROR elsewhere. */
export function serviceFileFor(paths: Paths, env: CliIo['env'], options: ControlOptions): ServiceFile {
  const platform = options.platform ?? process.platform;
  const home = serviceHome(env, options);
  const command: ServiceCommand = {
    nodePath: options.service?.nodePath ?? process.execPath,
    binPath: options.service?.binPath ?? builtBinPath(),
    env: pinnedEnv(env, home),
  };
  if (platform === 'linux') return systemdUnit(command, home);
  if (platform === 'darwin') return launchdAgent(command, paths.daemonLog, home);
  throw new AppError('CONFIG_ERROR', CONTROL_TEXT.installUnsupported(platform));
}

/** The only environment a service file pins: the folder variables that are set, made absolute. Credentials stay out of it. */
export function pinnedEnv(env: CliIo['env'], home: string): Record<string, string> {
  const pinned: Record<string, string> = {};
  for (const name of PINNED_FOLDERS) {
    const value = env[name];
    if (!value) continue;
    const expanded = expandHome(value, home);
    pinned[name] = isAbsolute(expanded) ? expanded : resolve(expanded);
  }
  return pinned;
}

/**
 * `daemon install [--print] [--force]`: writes the service file (or prints it) and says how to enable it.
 * It refuses (exit 1, nothing written) when the service would connect differently from this shell —
 * a token or URL in the environment does not reach a service — unless --force, which warns instead.
 */
export async function daemonInstall(paths: Paths, io: CliIo, out: Output, flags: { print: boolean; force: boolean }, options: ControlOptions): Promise<number> {
  let file: ServiceFile;
  try {
    file = serviceFileFor(paths, io.env, options);
  } catch (error) {
    out.error(error);
    return 1;
  }
  const home = serviceHome(io.env, options);
  const check = await checkServiceConnection(io.env, home, pinnedEnv(io.env, home));
  if (check.mine === null && check.service === null) out.note(CONTROL_TEXT.installNoCredentials);
  else if (!check.same) {
    const why = CONTROL_TEXT.installConnectionDiffers(check.mine, check.service, paths.configFile);
    if (!flags.force) {
      out.error(new AppError('CONFIG_ERROR', why));
      return 1;
    }
    out.warn(`${why}\n${CONTROL_TEXT.installForced}`);
  }
  const bin = options.service?.binPath ?? builtBinPath();
  if (!existsSync(bin)) out.note(CONTROL_TEXT.installBinMissing(bin));
  const enable = file.enableCommands.map((c) => `  ${c}\n`).join('');
  if (flags.print) {
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
