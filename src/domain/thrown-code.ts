/** A thrown value's `code` (or `name`) as text when it is a string or number, such as Node's ENOENT or undici's UND_ERR_*; '' otherwise. */
export function thrownCode(error: unknown, field: 'code' | 'name' = 'code'): string {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
