// Colour and emphasis as blessed tags, or plain text when colour is off (NO_COLOR, dumb terminals).

import { terminalLine } from '../../src/domain/terminal-text.js';

/** The colours the dashboard uses (the 8 ANSI colours every terminal has; amber is yellow). */
export type Colour = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray';

/** Decorates already-escaped text with blessed tags; colour calls are the identity when colour is off. */
export interface Paint {
  readonly color: boolean;
  fg(colour: Colour, text: string): string;
  bg(colour: Colour, text: string): string;
  bold(text: string): string;
  inverse(text: string): string;
  underline(text: string): string;
}

/** Escapes `{` and `}` so user text (names, log lines) is never read as a blessed tag. */
export function escapeTags(text: string): string {
  return text.replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));
}

/** Server text for a tagged line in one piece: controls shown as visible escapes (terminal-text.ts), braces escaped. */
export function tagSafe(text: string): string {
  return escapeTags(terminalLine(text));
}

/** The plain text of a tagged string: tags removed, `{open}`/`{close}` turned back into braces. */
export function stripTags(text: string): string {
  return text.replace(/\{(\/?[\w#-]*|open|close)\}/g, (whole, inner: string) => (inner === 'open' ? '{' : inner === 'close' ? '}' : ''));
}

const wrapTag = (tag: string, text: string) => (text === '' ? '' : `{${tag}}${text}{/${tag}}`);

/** A Paint writing blessed tags; with `color` false it keeps bold/inverse/underline (not colours). */
export function createPaint(color: boolean): Paint {
  return {
    color,
    fg: (colour, text) => (color ? wrapTag(`${colour === 'gray' ? 'grey' : colour}-fg`, text) : text),
    bg: (colour, text) => (color ? wrapTag(`${colour === 'gray' ? 'grey' : colour}-bg`, text) : text),
    bold: (text) => wrapTag('bold', text),
    inverse: (text) => wrapTag('inverse', text),
    underline: (text) => wrapTag('underline', text),
  };
}

/** Whether colour is allowed: not when NO_COLOR is set to anything non-empty or TERM is dumb. */
export function colourAllowed(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}
