// The terminal dashboards the benchmarks compare against. They are installed at bench time, into a
// bench-only folder (npm) or from Debian (apt-get) — never as dependencies of the product.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOLS_DIR } from './paths.js';

/** A comparison tool: the command that starts it in a terminal, or why it is missing. */
export type Tool = { name: string; command: string } | { name: string; missing: string };

let aptUpdated = false;

function run(command: string, args: string[], cwd?: string): void {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 300_000 });
}

function onPath(program: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

function failure(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return (stderr || (error as Error).message).split('\n').slice(-2).join(' ');
}

/** A Debian package's program: used when present, else installed with apt-get (root only). */
function debianTool(name: string, program: string, pkg: string): Tool {
  const found = onPath(program);
  if (found) return { name, command: found };
  try {
    if (!aptUpdated) run('apt-get', ['update', '-qq']);
    aptUpdated = true;
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg]);
  } catch (error) {
    return { name, missing: `apt-get install ${pkg} failed: ${failure(error)}` };
  }
  const installed = onPath(program);
  return installed ? { name, command: installed } : { name, missing: `${program} not found after apt-get install ${pkg}` };
}

/** Installs the npm tools into bench/.tools (its own package.json, so npm never touches the project's). */
function npmTools(): string | null {
  const wanted = ['pm2', 'gtop'];
  if (wanted.every((p) => existsSync(join(TOOLS_DIR, 'node_modules', p, 'package.json')))) return null;
  mkdirSync(TOOLS_DIR, { recursive: true });
  const manifest = join(TOOLS_DIR, 'package.json');
  if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'skaha-tui-bench-tools', private: true }, null, 2));
  try {
    run('npm', ['install', '--prefix', TOOLS_DIR, '--no-audit', '--no-fund', '--loglevel=error', ...wanted], TOOLS_DIR);
    return null;
  } catch (error) {
    return `npm install ${wanted.join(' ')} failed: ${failure(error)}`;
  }
}

/** pm2 monit, gtop, htop and btop: each with its command, or why it could not be installed. */
export function ensureTools(): Record<'pm2' | 'gtop' | 'htop' | 'btop', Tool> {
  const npmProblem = npmTools();
  const npmTool = (name: string, bin: string, args: string): Tool => {
    const script = join(TOOLS_DIR, 'node_modules', bin);
    if (npmProblem || !existsSync(script)) return { name, missing: npmProblem ?? `${script} is missing` };
    return { name, command: `${process.execPath} ${script}${args}` };
  };
  return {
    pm2: npmTool('pm2 monit', 'pm2/bin/pm2', ' monit'),
    gtop: npmTool('gtop', 'gtop/bin/gtop', ''),
    htop: debianTool('htop', 'htop', 'htop'),
    btop: debianTool('btop', 'btop', 'btop'),
  };
}

/** A pm2 daemon of the bench's own (PM2_HOME in a temp folder) running one small app, for `pm2 monit` to show. */
export interface Pm2Fixture {
  env: NodeJS.ProcessEnv;
  stop(): void;
}

/** Starts pm2 with one app: quiet, or logging a line every second (so monit has a log to follow). */
export function startPm2(home: string, logging: boolean): Pm2Fixture {
  const env = { ...process.env, HOME: home, PM2_HOME: join(home, '.pm2') };
  const app = join(home, 'app.cjs');
  writeFileSync(app, logging ? "setInterval(() => console.log(new Date().toISOString() + ' processed a batch'), 1000);\n" : 'setInterval(() => {}, 60000);\n');
  const pm2 = (...args: string[]) =>
    execFileSync(process.execPath, [join(TOOLS_DIR, 'node_modules', 'pm2', 'bin', 'pm2'), ...args], { env, stdio: 'ignore', timeout: 60_000 });
  pm2('start', app, '--name', 'bench-app');
  return {
    env,
    stop: () => {
      try {
        pm2('kill');
      } catch {
        // already gone
      }
    },
  };
}
