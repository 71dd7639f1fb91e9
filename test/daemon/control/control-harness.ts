import type { CliIo } from '../../../src/cli/io.js';

/** An in-memory CliIo for the management commands, plus what they wrote. */
export function memoryIo(env: Record<string, string | undefined>, tty = false): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { isTTY: tty, write: (t: string) => (out += t) },
    stderr: { isTTY: tty, write: (t: string) => (err += t) },
    stdinIsTTY: false,
    env,
    now: () => Date.now(),
    prompt: async () => '',
  };
  return { io, stdout: () => out, stderr: () => err };
}
