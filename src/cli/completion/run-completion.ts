import { terminalLine } from '../../domain/terminal-text.js';
import type { DaemonAccess } from '../daemon-access.js';
import type { CliIo } from '../io.js';
import { completeWords, type Completion, type SessionHint } from './complete-words.js';
import { COMPLETION_USAGE, completionScript, FILES_DIRECTIVE, SHELLS, type Shell } from './shell-scripts.js';

/** `skaha-tui completion bash|zsh|fish`: prints the script (exit 0), the help, or a usage error (exit 2). */
export function runCompletionCommand(argv: readonly string[], io: CliIo): number {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    io.stdout.write(COMPLETION_USAGE);
    return 0;
  }
  const shell = argv[0];
  if (argv.length !== 1 || !(SHELLS as readonly string[]).includes(shell)) {
    const got = argv.length === 0 ? 'no shell' : `'${argv.join(' ')}'`;
    io.stderr.write(`error: completion needs one shell, one of ${SHELLS.join(', ')} (got ${got})\n${COMPLETION_USAGE}`);
    return 2;
  }
  io.stdout.write(completionScript(shell as Shell));
  return 0;
}

// Tabs and line breaks separate candidates, and names are server text: every control becomes a visible escape.
const plain = terminalLine;

/** The lines `__complete` prints: the files directive, or `value<TAB>description` per candidate. */
export function completionLines(completion: Completion): string {
  if (completion.files) return `${FILES_DIRECTIVE}\n`;
  return completion.candidates.map((c) => (c.description ? `${plain(c.value)}\t${plain(c.description)}\n` : `${plain(c.value)}\n`)).join('');
}

/** Sessions from the running daemon's cache; none when no daemon runs (completion never starts one). */
async function cachedSessions(access: DaemonAccess): Promise<SessionHint[]> {
  try {
    const connection = await access.connect();
    const sessions = Object.values(connection.state?.sessions ?? {}).map(({ id, name, status }) => ({ id, name, status }));
    await connection.close();
    return sessions;
  } catch {
    return [];
  }
}

/** The hidden `skaha-tui __complete WORDS…` the scripts call: candidates for the last word, one per line. */
export async function runCompleteHelper(argv: readonly string[], io: CliIo, access: DaemonAccess): Promise<number> {
  const words = argv.length === 0 ? [''] : argv;
  let completion = completeWords(words, []);
  if (completion.sessions) completion = completeWords(words, await cachedSessions(access));
  io.stdout.write(completionLines(completion));
  return 0;
}
