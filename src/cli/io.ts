import { createInterface } from 'node:readline';
import { CREDENTIAL_ENV_NAMES } from '../config/child-env.js';
import { promptHidden } from './secret-prompt.js';

/** A place the CLI writes text to; `isTTY` says whether a terminal is attached. */
export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
  /** What the stream does to text before it is written (redaction), so a caller that cuts text cuts after it. */
  scrub?(text: string): string;
}

/** Everything the CLI touches outside itself; injected so tests run it without a terminal. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Whether stdin is a terminal (confirmation prompts need one). */
  stdinIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Shows `question` on stderr and resolves with the line the user typed. */
  prompt(question: string): Promise<string>;
  /** Like prompt, without echoing what is typed (a secret); absent where the terminal cannot hide it. */
  promptSecret?(question: string): Promise<string>;
  /** Milliseconds since the epoch. */
  now(): number;
}

/** The real process: its streams, environment, clock and a readline prompt. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    now: () => Date.now(),
    promptSecret: process.stdin.isTTY === true ? (question) => promptHidden(question) : undefined,
    prompt(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
      return new Promise((resolve) => {
        let answer = '';
        // Ctrl-C or end of input counts as "no": the promise resolves with what was typed so far (nothing).
        rl.on('SIGINT', () => {
          process.stderr.write('\n');
          rl.close();
        });
        rl.on('close', () => resolve(answer));
        rl.question(question, (typed) => {
          answer = typed;
          rl.close();
        });
      });
    },
  };
}

const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of the given secrets with "***" (short strings are left alone to keep output readable). */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join('***');
  return out;
}

/** An io whose stdout and stderr redact the secrets in `secrets` (a live set: secrets learnt later count too). */
export function redactingIo(io: CliIo, secrets: ReadonlySet<string>): CliIo {
  const wrap = (stream: CliStream): CliStream => ({
    isTTY: stream.isTTY,
    get columns() {
      return stream.columns;
    },
    write: (text: string) => stream.write(redact(text, secrets)),
    scrub: (text: string) => redact(stream.scrub ? stream.scrub(text) : text, secrets),
  });
  const promptSecret = io.promptSecret;
  return {
    ...io,
    stdout: wrap(io.stdout),
    stderr: wrap(io.stderr),
    prompt: (q) => io.prompt(redact(q, secrets)),
    promptSecret: promptSecret ? (q) => promptSecret(redact(q, secrets)) : undefined,
  };
}

/** Secret values found in the environment (tokens and registry secrets), for redaction. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return CREDENTIAL_ENV_NAMES.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v !== '');
}
