/** The text a key types, or null for keys that do not type (arrows, Enter…). */
export function typedText(name: string): string | null {
  if (name === 'space') return ' ';
  return [...name].length === 1 ? name : null;
}
