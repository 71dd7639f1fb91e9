// The one place that puts a noun in the number its count needs, so no message says "1 sessions".

/** A count with its noun in the right number: `plural(1, 'session')` is "1 session", `plural(3, 'replica')` "3 replicas". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${agree(count, one, many)}`;
}

/** The word that agrees with a count, without the count: `one` for exactly 1, else `many` ("its"/"their", "it shows"/"they show"). */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
