// Pure: the `:` prompt's state (the line, the completions on offer, where ↑/↓ are in the history) and its edits.

/** The command prompt while it is open. */
export interface PromptState {
  text: string;
  /** What the last Tab offered when it could not choose (shown after the line). */
  candidates: readonly string[];
  /** Earlier command lines, oldest first (read when the prompt opened). */
  history: readonly string[];
  /** Where ↑/↓ are in the history (history.length: the line being typed). */
  historyAt: number;
  /** The line being typed, kept while ↑ shows older ones. */
  draft: string;
  /** The saved launch profiles' names, for completion (read when the prompt opened). */
  profiles: readonly string[];
}

/** A prompt just opened on an empty line. */
export function openPromptState(history: readonly string[]): PromptState {
  return { text: '', candidates: [], history, historyAt: history.length, draft: '', profiles: [] };
}

/** The prompt with `text` typed at its end. */
export function typeText(prompt: PromptState, text: string): PromptState {
  return { ...prompt, text: prompt.text + text, candidates: [], historyAt: prompt.history.length };
}

/** Backspace (one character), Ctrl-W (the word before the cursor) or Ctrl-U (the whole line). */
export function erase(prompt: PromptState, what: 'char' | 'word' | 'line'): PromptState {
  const chars = [...prompt.text];
  let text = '';
  if (what === 'char') text = chars.slice(0, -1).join('');
  else if (what === 'word') text = prompt.text.replace(/\S+\s*$/, '');
  return { ...prompt, text, candidates: [], historyAt: prompt.history.length };
}

/** ↑ (-1) or ↓ (+1) through the history; going past the newest line gives back what was being typed. */
export function recall(prompt: PromptState, step: -1 | 1): PromptState {
  const at = Math.max(0, Math.min(prompt.history.length, prompt.historyAt + step));
  if (at === prompt.historyAt) return prompt;
  const draft = prompt.historyAt === prompt.history.length ? prompt.text : prompt.draft;
  const text = at === prompt.history.length ? draft : prompt.history[at];
  return { ...prompt, text, draft, historyAt: at, candidates: [] };
}
