import { terminalLine } from '../domain/terminal-text.js';
import type { CliStream } from './io.js';
import { visibleWidth } from './style.js';

/** A progress display on stderr: one line rewritten in place on a terminal, plain lines elsewhere. */
export interface ProgressLine {
  /** Shows `text`; off a terminal a line is written only when `key` (default `text`) changed. */
  update(text: string, key?: string): void;
  /** Ends the display (the terminal line gets its newline). */
  done(): void;
}

/** Cuts `text` to `width` columns (an ellipsis marks the cut), so a rewritten line never wraps. */
export function fitWidth(text: string, width: number | undefined): string {
  if (!width || width < 2 || visibleWidth(text) < width) return text;
  return `${[...text].slice(0, width - 2).join('')}…`;
}

/** A ProgressLine writing to `stream`; the text is shown on one line with controls as visible escapes. */
export function progressLine(stream: CliStream): ProgressLine {
  let shown: string | null = null;
  let onTerminal = false;
  return {
    update(raw, key = raw) {
      // Secrets are redacted before the cut: a token split by it would not be recognised afterwards.
      const text = terminalLine(stream.scrub ? stream.scrub(raw) : raw);
      if (stream.isTTY) {
        const line = fitWidth(text, stream.columns);
        if (line === shown) return;
        stream.write(`\r\u001b[2K${line}`);
        shown = line;
        onTerminal = true;
      } else if (key !== shown) {
        stream.write(`${text}\n`);
        shown = key;
      }
    },
    done() {
      if (onTerminal) stream.write('\n');
      onTerminal = false;
      shown = null;
    },
  };
}
