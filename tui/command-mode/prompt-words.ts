// Pure: the prompt line split into words the way a shell would (quotes and backslashes), and back.

/** The words of a line; `open` is true when the line ends inside a word (the one Tab completes). */
export interface Words {
  words: string[];
  /** The last word is still being typed (no space after it). */
  open: boolean;
}

/** Splits a prompt line into words: blanks separate them, '…' and "…" quote, \ escapes the next character. */
export function splitWords(line: string): Words {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === ' ' || c === '\t') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return { words, open: word !== null };
}

/** A word written so splitWords reads it back whole: quoted when it holds blanks, quotes or backslashes. */
export function quoteWord(word: string): string {
  if (word !== '' && !/[\s'"\\]/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}
