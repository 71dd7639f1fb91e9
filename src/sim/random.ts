const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 32-bit hash of a string (FNV-1a, then a murmur3 finaliser for avalanche). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic number in [0, 1) from a seed and keys: the same inputs always give the same value. */
export function unit(seed: number, ...keys: Array<string | number>): number {
  return hash32(`${seed}:${keys.join(':')}`) / 0x1_0000_0000;
}

/** A deterministic integer in [min, max] from a seed and keys. */
export function pick(min: number, max: number, seed: number, ...keys: Array<string | number>): number {
  return min + Math.floor(unit(seed, ...keys) * (max - min + 1));
}

/** A seeded pseudo-random sequence in [0, 1) (mulberry32). */
export type Rng = () => number;

/** Creates a seeded pseudo-random sequence (mulberry32). */
export function createRng(seed: number): Rng {
  let a = hash32(`rng:${seed}`);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** A random id like UWS RandomStringGenerator: a letter, then `[a-z0-9]`, `length` chars in all. */
export function randomId(rng: Rng, length: number): string {
  let id = LETTERS[Math.floor(rng() * LETTERS.length)];
  while (id.length < length) id += ALPHANUM[Math.floor(rng() * ALPHANUM.length)];
  return id;
}

/** A lowercase hex string of `length` chars derived from a seed and keys. */
export function hexFrom(length: number, seed: number, ...keys: Array<string | number>): string {
  let out = '';
  for (let i = 0; out.length < length; i++)
    out += hash32(`${seed}:${keys.join(':')}:${i}`)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, length);
}
