// Pure: whether a chunk of terminal input is text to insert rather than keys. A terminal delivers a
// paste (and a character typed beyond ASCII, e.g. `é` or an emoji) as one chunk; read key by key,
// a paste's line break would submit the form and an emoji would arrive as two halves.

/** The bracketed-paste markers a terminal wraps a paste in, when asked to. */
const PASTE_MARKERS = /\u001b\[20[01]~/g;

/** Text to insert from a chunk, and whether an Enter ended it; null when the chunk is keys (an escape sequence, a control key, one ASCII character). */
export function textChunk(chunk: string): { text: string; enter: boolean } | null {
  const unmarked = chunk.replace(PASTE_MARKERS, '');
  if (unmarked.startsWith('\u001b')) return null;
  const trailing = /[\r\n]+$/.exec(unmarked);
  const text = trailing ? unmarked.slice(0, trailing.index) : unmarked;
  if (text === '' || /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
  if ([...text].length === 1 && !/[^\u0000-\u007f]/.test(text)) return null;
  return { text, enter: trailing !== null };
}
