// The prompt's pure parts: word splitting, the history's redaction and bounds, ↑/↓, and completion.
import { describe, expect, it } from 'vitest';
import { quoteWord, splitWords } from '../../../tui/command-mode/prompt-words.js';
import { addToHistory, HISTORY_LIMIT, redactLine } from '../../../tui/command-mode/prompt-history.js';
import { openPromptState, recall, typeText, erase } from '../../../tui/command-mode/prompt-state.js';
import { completeLine } from '../../../tui/command-mode/prompt-complete.js';
import { expandAlias } from '../../../tui/controller/command-prompt.js';
import { closestWord } from '../../../src/domain/edit-distance.js';

describe('splitWords and quoteWord', () => {
  it('split like a shell: blanks, quotes, backslashes; and say whether the last word is still open', () => {
    expect(splitWords(`launch headless 'my image' --env "A=b c" x\\ y`)).toEqual({
      words: ['launch', 'headless', 'my image', '--env', 'A=b c', 'x y'],
      open: true,
    });
    expect(splitWords('delete ')).toEqual({ words: ['delete'], open: false });
    expect(splitWords("filter ''")).toEqual({ words: ['filter', ''], open: true });
  });

  it('quote a word so it splits back whole', () => {
    for (const word of ['plain', 'two words', "it's", 'a"b', 'back\\slash', '']) expect(splitWords(quoteWord(word)).words).toEqual([word]);
    expect(quoteWord('plain')).toBe('plain');
  });
});

describe('the history', () => {
  it('never keeps an --env value or a token, in any spelling', () => {
    expect(redactLine('launch headless img --env API_TOKEN=s3cret -e MODE=fast --env=X=1')).toBe('launch headless img --env API_TOKEN=… -e MODE=… --env=X=…');
    expect(redactLine('delete nb --token abc --secret=def --password p')).toBe('delete nb --token … --secret=… --password …');
    // After -- the words are the job's own command line, stored as typed.
    expect(redactLine('launch headless img -- run.sh --env x')).toBe('launch headless img -- run.sh --env x');
  });

  it('moves a repeated line to the end and keeps the newest HISTORY_LIMIT lines', () => {
    expect(addToHistory(['a', 'b', 'c'], 'a')).toEqual(['b', 'c', 'a']);
    expect(addToHistory(['a'], '   ')).toEqual(['a']);
    let history: string[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = addToHistory(history, `filter ${i}`);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toBe('filter 5');
  });

  it('↑ goes back, ↓ forward, and past the newest gives back the line being typed', () => {
    let p = typeText(openPromptState(['one', 'two']), 'dr');
    p = recall(p, -1);
    expect(p.text).toBe('two');
    p = recall(recall(p, -1), -1);
    expect(p.text).toBe('one');
    p = recall(recall(p, 1), 1);
    expect(p.text).toBe('dr');
    expect(erase(typeText(p, ' word'), 'word').text).toBe('dr ');
    expect(erase(p, 'line').text).toBe('');
  });
});

describe('completion', () => {
  const data = {
    sessions: [
      { id: 'ab12cd34', name: 'analysis' },
      { id: 'ab99zz00', name: 'ab-test' },
    ],
    images: ['images.canfar.net/skaha/astroml:latest', 'images.canfar.net/skaha/astroml:2024'],
    aliases: ['nb'],
  };

  it('completes an image from its project/name, and as far as the candidates agree', () => {
    expect(completeLine('launch notebook astro', data)).toEqual({ text: 'launch notebook images.canfar.net/skaha/astroml:', candidates: data.images });
    expect(completeLine('launch notebook skaha/astroml:l', data).text).toBe('launch notebook images.canfar.net/skaha/astroml:latest ');
  });

  it('offers ids and names, not those already given, and nothing after --', () => {
    expect(completeLine('delete ab', data).candidates).toEqual(['ab-test', 'ab12cd34', 'ab99zz00']);
    expect(completeLine('delete ab12cd34 ab1', data).text).toBe('delete ab12cd34 ab1');
    expect(completeLine('launch headless img -- ab', data).candidates).toEqual([]);
  });

  it('completes a configured alias as a command, and expands it in first place only (built-in names win)', () => {
    expect(completeLine('n', data).text).toBe('nb ');
    expect(completeLine('q', data).candidates).toEqual(['q', 'quit']);
    const aliases = Object.assign(Object.create(null), { nb: "launch notebook --name 'my nb'", delete: 'quit' });
    expect(expandAlias(['nb', '--cores', '2'], aliases)).toEqual(['launch', 'notebook', '--name', 'my nb', '--cores', '2']);
    expect(expandAlias(['delete', 'x'], aliases)).toEqual(['delete', 'x']);
    expect(expandAlias(['constructor'], aliases)).toEqual(['constructor']);
  });

  it('suggests the closest command for a typo', () => {
    expect(closestWord('delet', ['delete', 'renew'])).toBe('delete');
    expect(closestWord('ren', ['delete', 'renew'])).toBe('renew');
    expect(closestWord('xyzzy', ['delete', 'renew'])).toBeNull();
  });
});

describe('the prompt command table and its runners', () => {
  it('every command the table lists (and help and Tab offer) has a runner, and every runner a command', async () => {
    const { PROMPT_COMMANDS } = await import('../../../tui/command-mode/prompt-commands.js');
    const { PROMPT_RUNNERS } = await import('../../../tui/controller/prompt-runners.js');
    expect([...PROMPT_RUNNERS.keys()].sort()).toEqual(PROMPT_COMMANDS.map((c) => c.spec.name).sort());
  });
});
