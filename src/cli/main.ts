import { isAppError } from '../domain/errors.js';
import { createCliLogger, logLevelFromFlags } from './cli-logger.js';
import { createOutput } from './command-context.js';
import { findCommand, ROUTED_COMMANDS } from './command-specs.js';
import { loadHandler } from './commands/index.js';
import { buildContext } from './context-factory.js';
import { processDaemonAccess, type DaemonAccess } from './daemon-access.js';
import { commandHelp, generalHelp, routedHelp } from './help.js';
import { processIo, redactingIo, secretsFromEnv, type CliIo } from './io.js';
import { openSkahaApi, type OpenApi } from './open-api.js';
import { dataFormatOf } from './data-format.js';
import { parseArgs, UsageError, type ParsedArgs } from './parse-args.js';
import { colorEnabled, createStyle } from './style.js';
import { processSystem, type CliSystem } from './system.js';
import { MESSAGES, USAGE_ERRORS } from './text.js';
import { packageVersion } from './version.js';

/** What runCli needs from outside; tests pass fakes at each port. */
export interface CliDeps {
  openApi?: OpenApi;
  /** How to reach (and start) the daemon; default the socket from the paths module. */
  daemon?: DaemonAccess;
  /** Browser, timers and signals; default the real process. */
  system?: CliSystem;
}

/** Runs the direct CLI for argv (without node and script) and resolves with the exit code: 0 ok, 1 failed, 2 usage. */
export async function runCli(argv: readonly string[], rawIo: CliIo = processIo(), deps: CliDeps = {}): Promise<number> {
  const secrets = new Set<string>([...secretsFromEnv(rawIo.env), ...tokensInArgv(argv)]);
  const io = redactingIo(rawIo, secrets);
  const jsonWanted = argv.slice(0, endOfOptions(argv)).includes('--json');
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    return reportFailure(io, jsonWanted, error);
  }
  const level = logLevelFromFlags(parsed.global);
  let format;
  try {
    format = dataFormatOf(parsed);
  } catch (error) {
    return reportFailure(io, jsonWanted, error);
  }
  const yaml = format === 'yaml' ? (await import('../export/yaml-text.js')).yamlText : undefined;
  const out = createOutput(io, format, { warnings: level !== 'error', yaml });
  const style = createStyle(colorEnabled(io.stdout, io.env));
  const command = parsed.command;
  if (command?.name === 'version') {
    const { versionCommand } = await import('./commands/version.js');
    return versionCommand(out, deps.daemon ?? processDaemonAccess(io.env, parsed.global, 'skaha-tui version'));
  }
  if (parsed.version) {
    out.print(`${MESSAGES.version(packageVersion())}\n`);
    return 0;
  }
  if (command === null) {
    if (parsed.help) {
      out.printStyled(generalHelp(style));
      return 0;
    }
    return reportFailure(io, jsonWanted, new UsageError(USAGE_ERRORS.missingCommand));
  }
  if (command.name === 'help' || parsed.help) {
    return showHelp(io, command.name === 'help' ? parsed.positionals[0] : command.name);
  }

  const built = buildContext({
    parsed,
    io,
    out,
    log: createCliLogger(io, level, secrets),
    secrets,
    openApi: deps.openApi ?? openSkahaApi,
    daemonAccess: deps.daemon ?? processDaemonAccess(io.env, parsed.global, `skaha-tui ${command.name}`),
    system: deps.system ?? processSystem(),
  });
  try {
    const handler = await loadHandler(command.name);
    return await handler(built.ctx);
  } catch (error) {
    return reportFailure(io, out.json, error);
  } finally {
    await built.close();
  }
}

function showHelp(io: CliIo, topic: string | undefined): number {
  const out = createOutput(io, false);
  const style = createStyle(colorEnabled(io.stdout, io.env));
  if (topic === undefined) {
    out.printStyled(generalHelp(style));
    return 0;
  }
  if ((ROUTED_COMMANDS as readonly string[]).includes(topic)) {
    out.printStyled(routedHelp(topic, style));
    return 0;
  }
  const spec = findCommand(topic);
  if (!spec) return reportFailure(io, false, new UsageError(USAGE_ERRORS.unknownCommand(topic)));
  out.printStyled(commandHelp(spec, style));
  return 0;
}

/** Prints an error (text or JSON) and maps it to the exit code: usage and validation errors 2, everything else 1. */
function reportFailure(io: CliIo, json: boolean, error: unknown): number {
  const out = createOutput(io, json);
  out.error(error);
  const usage = isAppError(error) && error.code === 'USAGE_ERROR';
  if (usage && !json) out.note(USAGE_ERRORS.pointer(error instanceof UsageError ? error.command : undefined));
  return exitCodeOf(error);
}

/** The exit code of a failure: 2 when the command line or the request it describes is wrong (nothing was sent), else 1. */
export function exitCodeOf(error: unknown): 1 | 2 {
  return isAppError(error) && (error.code === 'USAGE_ERROR' || error.code === 'VALIDATION_ERROR') ? 2 : 1;
}

/** The index of `--` in argv, or its length: options are only read before it. */
function endOfOptions(argv: readonly string[]): number {
  const i = argv.indexOf('--');
  return i < 0 ? argv.length : i;
}

/** Token values given as --token on the command line, so they are redacted even when parsing fails. */
function tokensInArgv(argv: readonly string[]): string[] {
  const found: string[] = [];
  argv.slice(0, endOfOptions(argv)).forEach((arg, i) => {
    if (arg === '--token' && argv[i + 1] !== undefined) found.push(argv[i + 1]);
    else if (arg.startsWith('--token=')) found.push(arg.slice('--token='.length));
  });
  return found;
}
