// Pure functions called with the same inputs frame after frame (a pane the clock does not touch):
// the last result is kept with the inputs it came from and given again while they are the same
// objects (the model is replaced, never changed in place, so the same object means the same data).

/** The last result of one computation and the keys it came from. */
export class LastResult<R> {
  private keys: readonly unknown[] | null = null;
  private value: R | undefined;

  /** The result for `keys`: the last one when every key is the same (===) as then, else `make()`. */
  get(keys: readonly unknown[], make: () => R): R {
    const last = this.keys;
    if (last !== null && last.length === keys.length && last.every((key, i) => key === keys[i])) return this.value as R;
    this.value = make();
    this.keys = keys;
    return this.value;
  }
}
