// Skaha reports memory in decimal GB ("8.59" for 8 GiB), while /context options and the `ram` launch
// parameter are GiB (skaha-api.md §9.7). People read back the number they asked for: GiB.

const GB = 1e9;
const GIB = 2 ** 30;

/** Decimal gigabytes (as Skaha reports them) in GiB (as the context options and `--ram` count). */
export function gbToGiB(gb: number): number {
  return (gb * GB) / GIB;
}

/** GiB (a context option, a `--ram` value) in decimal gigabytes. */
export function gibToGB(gib: number): number {
  return (gib * GIB) / GB;
}

/** A decimal-GB amount in GiB, rounded to `digits` decimals; null stays null. */
export function toGiB(gb: number | null | undefined, digits = 3): number | null {
  if (gb === null || gb === undefined || !Number.isFinite(gb)) return null;
  const f = 10 ** digits;
  return Math.round(gbToGiB(gb) * f) / f;
}
