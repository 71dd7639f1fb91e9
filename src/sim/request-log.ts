import { keyMatches } from './faults.js';
import type { SimRequestRecord } from './types.js';

/** Counts `/skaha` requests per endpoint key and keeps the most recent ones (never tokens). */
export class RequestLog {
  private readonly byEndpoint = new Map<string, number>();
  private records: SimRequestRecord[] = [];

  constructor(private readonly keep = 5000) {}

  /** Records a request; the returned record is updated with the user and status once answered. */
  record(entry: SimRequestRecord): SimRequestRecord {
    this.byEndpoint.set(entry.endpoint, (this.byEndpoint.get(entry.endpoint) ?? 0) + 1);
    this.records.push(entry);
    if (this.records.length > this.keep) this.records = this.records.slice(-this.keep);
    return entry;
  }

  /** Requests so far: all, or those of an endpoint key (exact, group prefix like `session`, or `*`). */
  count(endpoint?: string): number {
    let total = 0;
    for (const [key, n] of this.byEndpoint) if (endpoint === undefined || keyMatches(endpoint, key)) total += n;
    return total;
  }

  /** Counts per endpoint key. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.byEndpoint);
  }

  /** The most recent requests, oldest first. */
  entries(): SimRequestRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  /** Forgets every count and record. */
  reset(): void {
    this.byEndpoint.clear();
    this.records = [];
  }
}
