// `:` opens a one-line command prompt at the bottom, as in k9s: Enter runs the line through the CLI's
// own parser and the prompt command table, Esc cancels, Tab completes, ↑/↓ recall the history.

import { isAppError } from '../../src/domain/errors.js';
import { groupReplicas } from '../../src/state/replicas.js';
import { closestWord } from '../../src/domain/edit-distance.js';
import { dictGet } from '../../src/domain/dict.js';
import { parseArgs, UsageError, type ParsedArgs } from '../../src/cli/parse-args.js';
import { commandNames, completeLine } from '../command-mode/prompt-complete.js';
import { findPromptCommand, promptUsage, type PromptCommand } from '../command-mode/prompt-commands.js';
import { addToHistory, readHistory, writeHistory } from '../command-mode/prompt-history.js';
import { erase, recall, typeText, type PromptState } from '../command-mode/prompt-state.js';
import { splitWords } from '../command-mode/prompt-words.js';
import { FLASH } from '../text.js';
import { PROMPT_TEXT } from '../prompt-text.js';
import { typedText } from './typed-text.js';
import type { Controller } from './controller.js';
import { PROMPT_RUNNERS } from './prompt-runners.js';

function set(ctl: Controller, prompt: PromptState | null): void {
  ctl.dispatch({ type: 'prompt-set', prompt });
}

/** Tab: completes the line from the commands, flags, sessions and images the dashboard knows. */
function complete(ctl: Controller, prompt: PromptState): void {
  const model = ctl.model();
  const sessions = Object.values(model.state?.sessions ?? {}).map((s) => ({ id: s.id, name: s.name }));
  const images = (model.images ?? []).map((i) => i.id);
  const groups = groupReplicas(Object.values(model.state?.sessions ?? {}), model.state?.launches ?? []).map((g) => g.base);
  const done = completeLine(prompt.text, { sessions, groups, images, aliases: Object.keys(model.commandAliases ?? {}), profiles: prompt.profiles });
  set(ctl, { ...prompt, text: done.text, candidates: done.candidates });
}

/** Handles a key while the prompt is open (it takes every key). */
export function promptKey(ctl: Controller, prompt: PromptState, name: string): void {
  const text = typedText(name);
  switch (name) {
    case 'escape':
      return set(ctl, null);
    case 'enter':
      set(ctl, null);
      return void runPromptLine(ctl, prompt.text);
    case 'tab':
      return complete(ctl, prompt);
    case 'up':
    case 'C-p':
      return set(ctl, recall(prompt, -1));
    case 'down':
    case 'C-n':
      return set(ctl, recall(prompt, 1));
    case 'backspace':
      return set(ctl, erase(prompt, 'char'));
    case 'C-w':
      return set(ctl, erase(prompt, 'word'));
    case 'C-u':
      return set(ctl, erase(prompt, 'line'));
  }
  if (text !== null) set(ctl, typeText(prompt, text));
}

/** Pasted text goes into the prompt as typed. */
export function promptPaste(ctl: Controller, prompt: PromptState, text: string): void {
  set(ctl, typeText(prompt, text));
}

/** The words a line runs: an alias from the config file in first place is replaced by what it stands for (built-in names win). */
export function expandAlias(words: readonly string[], aliases: Readonly<Record<string, string>>): string[] {
  const [first, ...rest] = words;
  if (first === undefined || findPromptCommand(first)) return [...words];
  const alias = dictGet(aliases, first);
  return alias === undefined ? [...words] : [...splitWords(alias).words, ...rest];
}

function parse(ctl: Controller, line: string): { command: PromptCommand; args: ParsedArgs } | null {
  const words = expandAlias(splitWords(line).words, ctl.model().commandAliases ?? {});
  if (words.length === 0) return null;
  const command = findPromptCommand(words[0]);
  if (!command) throw new UsageError(PROMPT_TEXT.unknown(words[0], closestWord(words[0], commandNames(Object.keys(ctl.model().commandAliases ?? {})))));
  const args = parseArgs(words, (name) => findPromptCommand(name)?.spec);
  const global = Object.keys(args.global)[0];
  if (global !== undefined) throw new UsageError(PROMPT_TEXT.globalFlag(`--${global}`));
  return { command, args };
}

/** Runs one prompt line; a line that parses is kept in the history (redacted), and every problem is said in the footer. */
export async function runPromptLine(ctl: Controller, line: string): Promise<void> {
  let parsed: { command: PromptCommand; args: ParsedArgs } | null;
  try {
    parsed = parse(ctl, line);
  } catch (error) {
    return ctl.flash('error', isAppError(error) ? error.message : String(error));
  }
  if (parsed === null) return;
  remember(ctl, line);
  const { command, args } = parsed;
  if (args.help) return ctl.flash('info', PROMPT_TEXT.usage(promptUsage(command.spec), command.same));
  // `help COMMAND` says that command's usage; `help` alone opens the help screen.
  const topic = command.spec.name === 'help' ? args.positionals[0] : undefined;
  if (topic !== undefined) {
    const target = findPromptCommand(topic);
    return target
      ? ctl.flash('info', PROMPT_TEXT.usage(promptUsage(target.spec), target.same))
      : ctl.flash('error', PROMPT_TEXT.unknown(topic, closestWord(topic, commandNames([]))));
  }
  if (command.mutating && ctl.deps.options.readonly) return ctl.flash('warn', FLASH.readonly(command.spec.name));
  try {
    await PROMPT_RUNNERS.get(command.spec.name)?.(ctl, args);
  } catch (error) {
    ctl.flash('error', isAppError(error) ? error.message : String(error));
  }
}

function remember(ctl: Controller, line: string): void {
  const file = ctl.deps.promptHistoryFile;
  if (!file) return;
  try {
    writeHistory(file, addToHistory(readHistory(file), line));
  } catch (error) {
    // A history that cannot be written costs the user nothing now: the command still runs.
    ctl.flash('warn', PROMPT_TEXT.historyFailed(error instanceof Error ? error.message : String(error)));
  }
}
