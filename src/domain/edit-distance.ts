/** Edit distance between two strings (insertions, deletions, substitutions), by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[y.length];
}

/** The word of `words` closest to `word` (a prefix counts as close), or null when none is within two edits. */
export function closestWord(word: string, words: readonly string[]): string | null {
  const lower = word.toLowerCase();
  const prefixed = words.find((w) => w.startsWith(lower));
  if (prefixed && lower.length > 0) return prefixed;
  let best: string | null = null;
  let bestDistance = 3;
  for (const w of words) {
    const d = editDistance(lower, w);
    if (d < bestDistance) [best, bestDistance] = [w, d];
  }
  return best;
}
