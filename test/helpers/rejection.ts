import type { AppError } from '../../src/domain/errors.js';

/** Awaits a promise that must reject, and returns its error (as an AppError) for assertions. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}
