// Pure: whether a chunk of terminal input is text to insert rather than keys. A terminal delivers a
// paste (and a character typed beyond ASCII, e.g. `é` or an emoji) as one chunk; read key by key, an
// emoji would arrive as two halves and a pasted line break would press Enter. The dashboard turns
// bracketed paste on, so a terminal marks pastes: everything between the marks is text, however
// many chunks it spans. Unmarked, keys typed in quick succession can share a chunk too, so only text
// followed by nothing but Enter or Tab counts.

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/** Turns bracketed paste on (the dashboard writes it at start) and off (at exit). */
export const BRACKETED_PASTE = { on: '\u001b[?2004h', off: '\u001b[?2004l' } as const;

/** What a chunk holds: text to insert, the keys that followed it (Enter, Tab), and whether a marked paste goes on in the next chunk. */
export interface TextChunk {
  text: string;
  keys: string[];
  inPaste: boolean;
}

/** The text in a chunk (`inPaste`: a marked paste began in an earlier chunk); null when the chunk is keys. */
export function textChunk(chunk: string, inPaste = false): TextChunk | null {
  if (inPaste || chunk.includes(PASTE_START)) {
    const end = chunk.indexOf(PASTE_END);
    const body = end < 0 ? chunk : chunk.slice(0, end);
    return { text: body.replace(PASTE_START, ''), keys: [], inPaste: end < 0 };
  }
  const m = /^([^\u0000-\u001f\u007f]+)([\r\n\t]*)$/.exec(chunk);
  if (!m) return null;
  const [, text, tail] = m;
  if ([...text].length === 1 && !/[^\u0000-\u007f]/.test(text)) return null;
  const keys = [...tail.replace(/\r\n/g, '\r')].map((c) => (c === '\t' ? 'tab' : 'enter'));
  return { text, keys, inPaste: false };
}
