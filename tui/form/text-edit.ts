// Pure: editing one line of text with a cursor, as readline does (the launch form's text fields).

/** One line of text and where the cursor is, in code points (null: at the end). */
export interface LineEdit {
  text: string;
  cursor: number | null;
}

/** What can be done to a line: type or paste at the cursor, delete, move, and readline's kills. */
export type EditAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'cursor-left' }
  | { type: 'cursor-right' }
  | { type: 'home' }
  | { type: 'end' }
  /** Ctrl-U: everything before the cursor. */
  | { type: 'kill-start' }
  /** Ctrl-K: everything from the cursor on. */
  | { type: 'kill-end' }
  /** Ctrl-W: the word before the cursor (and the spaces after it). */
  | { type: 'kill-word' };

/** Text pasted into a one-line field: line breaks and tabs become spaces, other control characters go. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

/** The cursor as a code-point index within `text`. */
export function cursorAt(edit: LineEdit): number {
  const length = [...edit.text].length;
  return edit.cursor === null ? length : Math.max(0, Math.min(edit.cursor, length));
}

/** Pure: the line after `action`. */
export function applyEdit(edit: LineEdit, action: EditAction): LineEdit {
  const chars = [...edit.text];
  const at = cursorAt(edit);
  const make = (before: string[], after: string[]): LineEdit => ({ text: [...before, ...after].join(''), cursor: after.length === 0 ? null : before.length });
  switch (action.type) {
    case 'insert':
      return make([...chars.slice(0, at), ...oneLine(action.text)], chars.slice(at));
    case 'backspace':
      return make(chars.slice(0, Math.max(0, at - 1)), chars.slice(at));
    case 'delete':
      return make(chars.slice(0, at), chars.slice(at + 1));
    case 'cursor-left':
      return { ...edit, cursor: Math.max(0, at - 1) };
    case 'cursor-right':
      return { ...edit, cursor: at + 1 >= chars.length ? null : at + 1 };
    case 'home':
      return { ...edit, cursor: 0 };
    case 'end':
      return { ...edit, cursor: null };
    case 'kill-start':
      return make([], chars.slice(at));
    case 'kill-end':
      return make(chars.slice(0, at), []);
    case 'kill-word': {
      let start = at;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return make(chars.slice(0, start), chars.slice(at));
    }
  }
}
