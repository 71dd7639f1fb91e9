import { toAppError } from '../domain/errors.js';
import type { SkahaApi } from '../ports/skaha-api.js';

/** What the wrapper asks of a token refresher. */
export interface UnauthorizedHandler {
  /** The token requests carry now. */
  accessToken(): string;
  /** After a 401 sent with `used`: whether a retry with a newer token makes sense (may refresh first, may throw). */
  onUnauthorized(used: string): Promise<boolean>;
}

/**
 * Wraps every method of an API so that a 401 (SKAHA_UNAUTHORIZED) makes the refresher refresh the
 * token once and the call is retried once with the new one; never a loop. Other errors pass as they are.
 */
export function refreshingApi(api: SkahaApi, refresher: UnauthorizedHandler): SkahaApi {
  return new Proxy(api, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const used = refresher.accessToken();
        try {
          return await method.apply(target, args);
        } catch (error) {
          if (toAppError(error).code !== 'SKAHA_UNAUTHORIZED' || !(await refresher.onUnauthorized(used))) throw error;
          return method.apply(target, args);
        }
      };
    },
  });
}
