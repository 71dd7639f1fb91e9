import { homedir } from 'node:os';
import { createOutput } from '../../src/cli/command-context.js';
import { processIo, redactingIo, secretsFromEnv, type CliIo } from '../../src/cli/io.js';
import { UsageError } from '../../src/cli/parse-args.js';
import { resolvePaths, type Paths } from '../../src/config/paths.js';
import { toAppError } from '../../src/domain/errors.js';
import { parseControlArgs } from './control-args.js';
import { CONTROL_USAGE } from './control-text.js';
import type { DoctorCheck } from './doctor-check.js';
import { checkPaths } from './doctor-paths.js';
import { checkSecretFiles } from './doctor-secret-files.js';
import { checkServer } from './doctor-server.js';
import { daemonCheck, doctorJson, doctorText, type DoctorReport } from './doctor-view.js';
import { inspectDaemon } from './inspect-daemon.js';

/** What doctor can be told from outside (tests). */
export interface DoctorOptions {
  /** Default: resolvePaths(io.env). */
  paths?: Paths;
  /** Bound on each question to Skaha (default 5000 ms). */
  skahaTimeoutMs?: number;
}

/**
 * `skaha-tui doctor [--json] [--url U] [--token T] [--cert P]`: every path, the credentials in use (never the
 * secret), whether Skaha answers, and the daemon's status. Exit 1 when any check fails (scripts can rely on it), 0 otherwise (warnings included); 2 on usage errors.
 */
export async function runDoctor(argv: readonly string[], rawIo: CliIo = processIo(), options: DoctorOptions = {}): Promise<number> {
  const secrets = new Set<string>(secretsFromEnv(rawIo.env));
  const io = redactingIo(rawIo, secrets);
  const out = createOutput(io, argv.includes('--json'));
  let flags: Record<string, string | true>;
  try {
    const args = parseControlArgs(argv, 'doctor', ['json'], ['url', 'token', 'cert']);
    if (typeof args.flags.token === 'string') secrets.add(args.flags.token);
    if (args.help) {
      out.print(`${CONTROL_USAGE.doctor}\n`);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument '${args.positionals[0]}'`, 'doctor');
    flags = args.flags;
  } catch (error) {
    out.error(error);
    if (!out.json) out.note(CONTROL_USAGE.doctor);
    return 2;
  }
  const env = io.env as NodeJS.ProcessEnv;
  const extra: DoctorCheck[] = [];
  let paths = options.paths;
  if (!paths) {
    try {
      paths = resolvePaths(env);
    } catch (error) {
      // A socket path over the limit is worth reporting, not a reason to stop.
      paths = resolvePaths(env, { checkSocket: false });
      extra.push({ section: 'paths', name: 'socket path', status: 'fail', detail: toAppError(error).message });
    }
  }
  const str = (name: string) => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const [daemon, server, secretFiles] = await Promise.all([
    inspectDaemon(paths),
    checkServer({ url: str('url'), token: str('token'), cert: str('cert') }, env, paths, options.skahaTimeoutMs ?? 5_000, io.now()),
    checkSecretFiles(paths, env.HOME || homedir()),
  ]);
  for (const secret of server.secrets) secrets.add(secret);
  const report: DoctorReport = {
    paths,
    checks: [...extra, ...checkPaths(paths, daemon), ...server.checks, ...secretFiles, daemonCheck(daemon)],
    credentials: server.credentials,
    server: { url: server.url, source: server.urlSource },
    daemon,
  };
  if (out.json) out.printJson(doctorJson(report));
  else out.printStyled(doctorText(report, out.style, io.now()));
  return report.checks.some((check) => check.status === 'fail') ? 1 : 0;
}
