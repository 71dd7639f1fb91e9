import { spawn } from 'node:child_process';

/** What a timed run gave: wall milliseconds from spawn to exit, and its output. */
export interface TimedRun {
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and times it from spawn to exit; rejects when it fails. */
export function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve({ wallMs, stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').pop()}`));
    });
  });
}
