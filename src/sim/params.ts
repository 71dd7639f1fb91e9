/** Request parameters as cadc-rest SyncInput keeps them: case-insensitive names, each possibly repeated. */
export class Params {
  private readonly values = new Map<string, string[]>();

  /** Adds one value under a name. */
  add(name: string, value: string): void {
    const key = name.toLowerCase();
    const list = this.values.get(key);
    if (list) list.push(value);
    else this.values.set(key, [value]);
  }

  /** The first value of a parameter, or undefined when it was not sent. */
  first(name: string): string | undefined {
    return this.values.get(name.toLowerCase())?.[0];
  }

  /** Every value of a parameter, in order. */
  all(name: string): string[] {
    return [...(this.values.get(name.toLowerCase()) ?? [])];
  }

  /** Whether a parameter was sent at all. */
  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }
}

/** Whether a Content-Type is the form type cadc-rest reads parameters from. */
export function isFormContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Parses urlencoded text (`+` is a space) into params, appending to `into`. */
export function addUrlEncoded(into: Params, text: string): Params {
  for (const [name, value] of new URLSearchParams(text)) into.add(name, value);
  return into;
}

/**
 * The parameters a request carries: GET/DELETE read the query string; POST reads the query string
 * and the form body, but only with the form Content-Type (otherwise none at all).
 */
export function requestParams(method: string, query: string, contentType: string | undefined, body: string): Params {
  const params = new Params();
  if (method === 'POST' && !isFormContentType(contentType)) return params;
  addUrlEncoded(params, query);
  if (method === 'POST') addUrlEncoded(params, body);
  return params;
}
