// The prompt's history: earlier command lines, newest last, kept in the state folder across runs
// (bounded, owner-only), never holding a secret: values of --env, and of any flag named like a
// credential, are replaced before a line is kept.

import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { splitWords, quoteWord } from './prompt-words.js';

/** The most lines kept. */
export const HISTORY_LIMIT = 200;

/** The longest line kept (a longer one is not kept at all). */
export const HISTORY_LINE_MAX = 1000;

/** What replaces a value that must not be stored. */
export const HIDDEN = '…';

const SECRET_FLAG = /^--?(e|env|token|secret|password|pass|key|auth|registry-secret)(=|$)/i;

/** Pure: the line as it may be stored: each --env (or secret-named flag) keeps its name and loses its value (`--env KEY=…`, `--token …`). */
export function redactLine(line: string): string {
  const { words } = splitWords(line);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const flag = SECRET_FLAG.exec(word);
    if (!flag || words.slice(0, i).includes('--')) {
      out.push(quoteWord(word));
      continue;
    }
    const env = /^--?(e|env)$/i.test(flag[0].replace(/=$/, ''));
    const hide = (value: string) => (env && value.includes('=') ? `${value.slice(0, value.indexOf('='))}=${HIDDEN}` : HIDDEN);
    if (flag[2] === '=') out.push(`${word.slice(0, word.indexOf('=') + 1)}${hide(word.slice(word.indexOf('=') + 1))}`);
    else {
      out.push(word);
      if (i + 1 < words.length) out.push(hide(words[++i]));
    }
  }
  return out.join(' ');
}

/** The stored lines, oldest first; none when the file is missing or unreadable. */
export function readHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && l.length <= HISTORY_LINE_MAX)
      .slice(-HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** Pure: the history with `line` added last (redacted; an equal earlier line moves to the end), at most HISTORY_LIMIT lines. */
export function addToHistory(history: readonly string[], line: string): string[] {
  const kept = redactLine(line.trim());
  if (kept === '' || kept.length > HISTORY_LINE_MAX) return [...history];
  return [...history.filter((l) => l !== kept), kept].slice(-HISTORY_LIMIT);
}

/** Writes the history whole, owner-only, through a temporary file (a crash never leaves half a file). */
export function writeHistory(file: string, history: readonly string[]): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, history.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
