// ASCII stand-ins for the typographic characters in texts, for terminals whose locale is not UTF-8.

const STAND_INS: Record<string, string> = {
  '—': '-',
  '–': '-',
  '…': '~',
  '↑': '^',
  '↓': 'v',
  '←': '<',
  '→': '>',
  '▏': '_',
  '●': '*',
  '✓': '*',
  '▸': '>',
  '▾': 'v',
  '█': '#',
  '░': '.',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '×': 'x',
};

/** Pure: `text` with every non-ASCII character replaced one for one (so columns stay aligned). */
export function toAscii(text: string): string {
  return text.replace(/[^\u0000-\u007e]/g, (c) => STAND_INS[c] ?? '?');
}
