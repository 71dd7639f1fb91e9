// Pure: Tab on the prompt line: the words that fit where the cursor is (commands, flags, flag values,
// session ids and names, kinds, images, columns, formats) and the line completed as far as they agree.

import { optionWords, positionalsBefore, valueOption } from '../../src/cli/completion/complete-words.js';
import { LAUNCHABLE_KINDS } from '../../src/domain/session.js';
import { EXPORT_FORMATS } from '../export-choice.js';
import { SORT_COLUMNS } from '../view-types.js';
import { findPromptCommand, PROMPT_COMMANDS, type CompletionSource } from './prompt-commands.js';
import { quoteWord, splitWords } from './prompt-words.js';

/** What the dashboard knows that Tab can offer. */
export interface CompletionData {
  sessions: readonly { id: string; name: string }[];
  /** The names of replica groups (which stand for all their members). */
  groups?: readonly string[];
  images: readonly string[];
  /** The config file's alias names. */
  aliases: readonly string[];
  /** The saved launch profiles' names. */
  profiles?: readonly string[];
}

/** The line after Tab, and the candidates to show when Tab could not choose one. */
export interface LineCompletion {
  text: string;
  candidates: string[];
}

/** Every command name and alias (built-in and configured), sorted. */
export function commandNames(aliases: readonly string[]): string[] {
  return [...new Set([...PROMPT_COMMANDS.flatMap((c) => [c.spec.name, ...c.spec.aliases]), ...aliases])].sort();
}

function sourceWords(source: CompletionSource, current: string, given: readonly string[], data: CompletionData): string[] {
  switch (source) {
    case 'session': {
      const out: string[] = [];
      for (const s of data.sessions) {
        if (s.id.startsWith(current) && !given.includes(s.id)) out.push(s.id);
        if (s.name.startsWith(current) && !given.includes(s.name)) out.push(s.name);
      }
      for (const g of data.groups ?? []) if (g.startsWith(current) && !given.includes(g)) out.push(g);
      return [...new Set(out)].sort();
    }
    case 'kind':
      return LAUNCHABLE_KINDS.filter((k) => k.startsWith(current));
    case 'image':
      // `astro` finds images.canfar.net/skaha/astroml:latest: the project/name part counts as a start too.
      return data.images.filter((id) => id.split('/').some((_, i, parts) => parts.slice(i).join('/').startsWith(current)));
    case 'profile':
      return (data.profiles ?? []).filter((p) => p.startsWith(current));
    case 'sort-column':
      return SORT_COLUMNS.filter((c) => c.startsWith(current));
    case 'export-format':
      return EXPORT_FORMATS.filter((f) => f.startsWith(current));
    case 'command':
      return commandNames([]).filter((c) => c.startsWith(current));
    default:
      return [];
  }
}

function candidatesFor(before: readonly string[], current: string, data: CompletionData): string[] {
  if (before.length === 0) return commandNames(data.aliases).filter((c) => c.startsWith(current));
  const command = findPromptCommand(before[0]);
  const rest = before.slice(1);
  if (!command || rest.includes('--')) return [];
  const options = command.spec.options;
  const pending = valueOption(options, rest.at(-1));
  if (pending) return (pending.name === 'profile' ? (data.profiles ?? []) : (pending.choices ?? [])).filter((c) => c.startsWith(current));
  if (current.startsWith('-')) return optionWords(options).filter((w) => w.startsWith(current) && (w.startsWith('--') || current.length > 0));
  return sourceWords(command.complete(positionalsBefore(options, rest)), current, rest, data);
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Pure: Tab on `line`: one candidate is filled in (with a space after it); several are filled in as far as they agree and listed. */
export function completeLine(line: string, data: CompletionData): LineCompletion {
  const { words, open } = splitWords(line);
  const current = open ? words[words.length - 1] : '';
  const before = open ? words.slice(0, -1) : words;
  const candidates = candidatesFor(before, current, data);
  const rebuild = (word: string, done: boolean) => [...before.map(quoteWord), done ? `${quoteWord(word)} ` : word].join(' ');
  if (candidates.length === 0) return { text: line, candidates: [] };
  if (candidates.length === 1) return { text: rebuild(candidates[0], true), candidates: [] };
  const prefix = commonPrefix(candidates);
  return { text: prefix.length > current.length && !/[\s'"\\]/.test(prefix) ? rebuild(prefix, false) : line, candidates };
}
