import { describe, expect, it } from 'vitest';
import { boundText } from '../../src/domain/bounded-text.js';
import { dictFrom, dictGet, dictWith, dictWithout, emptyDict, hasKey, isDict } from '../../src/domain/dict.js';
import { checkSessionId, isSessionId, shownId } from '../../src/domain/session-id.js';

describe('the session id rule', () => {
  it('admits real ids, simulator ids and Object.prototype member names; refuses dots, slashes, controls, empty and long ids', () => {
    for (const id of ['fnl2zlu3', 'd0000001', 'Some_id-2', '__proto__', 'constructor', 'x'.repeat(64)]) expect(isSessionId(id), id).toBe(true);
    for (const id of ['', '.', '..', '../x', 'a/b', 'a b', 'a.b', 'a\u001b', 'é', 'x'.repeat(65), 42, null]) expect(isSessionId(id), String(id)).toBe(false);
  });

  it('names a bad id safely: quoted, controls escaped, long ids shortened with their length', () => {
    expect(shownId('a"b\\c\u001b[2J\u009b')).toBe('"a\\"b\\\\c\\u001b[2J\\u009b"');
    expect(shownId('z'.repeat(70_000))).toBe(`"${'z'.repeat(40)}…" (70000 characters)`);
    expect(() => checkSessionId('..')).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR', field: 'id', message: expect.stringMatching(/^id "\.\." is not a session id/) }),
    );
    expect(checkSessionId('abc')).toBe('abc');
  });
});

describe('boundText', () => {
  it('keeps short text and shortens long text to the limit with a visible ellipsis, never splitting a surrogate pair', () => {
    expect(boundText('short', 10)).toBe('short');
    expect(boundText('n'.repeat(300), 128)).toBe(`${'n'.repeat(127)}…`);
    const emoji = `${'a'.repeat(6)}😀😀`;
    expect(boundText(emoji, 8)).toBe(`${'a'.repeat(6)}…`);
    expect(boundText(emoji, 8).length).toBeLessThanOrEqual(8);
  });
});

describe('null-prototype maps', () => {
  it('treat __proto__, constructor and hasOwnProperty as plain keys and never read inherited members', () => {
    const d = dictWith(dictFrom({ constructor: 1 }), '__proto__', 2);
    expect(isDict(d)).toBe(true);
    expect(Object.keys(d).sort()).toEqual(['__proto__', 'constructor']);
    expect(d.hasOwnProperty).toBeUndefined();
    expect(hasKey(d, '__proto__') && !hasKey(d, 'toString')).toBe(true);
    expect(dictGet({}, 'constructor')).toBeUndefined();
    const parsed = JSON.parse('{"__proto__": 3, "a": 4}') as Record<string, number>;
    expect(dictFrom(parsed).__proto__).toBe(3);
    expect(Object.keys(dictWithout(d, ['constructor']))).toEqual(['__proto__']);
    expect(Object.keys(dictFrom(new Map([['valueOf', 1]])))).toEqual(['valueOf']);
    expect(JSON.stringify(emptyDict())).toBe('{}');
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
