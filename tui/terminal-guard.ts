// Leaves the terminal usable whatever happens: on exit, on a crash, on SIGTERM/SIGHUP.

import { terminalText } from '../src/domain/terminal-text.js';
import type { Writable } from 'node:stream';
import { CLI_TEXT } from './text.js';

/** What the guard needs: how to restore the terminal and how to ask for a clean quit. */
export interface GuardTarget {
  restore(): void;
  quit(): void;
  stderr: Writable;
}

/** Installs process handlers; returns the function that removes them. */
export function installTerminalGuard(target: GuardTarget): () => void {
  const crash = (error: unknown) => {
    target.restore();
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    target.stderr.write(`${terminalText(CLI_TEXT.crashed(message))}\n`);
    process.exit(1);
  };
  const onExit = () => target.restore();
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const onSignal = () => {
    target.quit();
    // If something still holds the event loop after a clean quit, do not hang the shell.
    fallback ??= setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('exit', onExit);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return () => {
    if (fallback) clearTimeout(fallback);
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
    process.off('exit', onExit);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  };
}
