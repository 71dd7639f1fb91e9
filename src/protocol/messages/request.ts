import { isRecord, str } from '../check.js';
import { isRequestMethod, paramsProblem, REQUEST_METHODS, type RequestMethod, type RequestParams } from '../requests.js';

/** The frame type of Request. */
export const REQUEST = 'request';

/** Client → daemon: call `method` with `params`; the daemon answers one ResponseFrame with the same `id`. */
export interface RequestFrame<M extends RequestMethod = RequestMethod> {
  type: typeof REQUEST;
  /** Chosen by the client, unique among its requests in flight (1–128 characters). */
  id: string;
  method: M;
  params: RequestParams[M];
}

/** A RequestFrame narrowed by its method (switch on `method` to get typed params). */
export type AnyRequest = { [M in RequestMethod]: RequestFrame<M> }[RequestMethod];

const idCheck = str(1, 128);

/** The first problem that keeps `value` from being a Request, or null. */
export function requestProblem(value: unknown): string | null {
  if (!isRecord(value) || value.type !== REQUEST) return 'request must be an object with type "request"';
  const idProblem = idCheck(value.id, 'request.id');
  if (idProblem) return idProblem;
  if (!isRequestMethod(value.method)) {
    const shown = typeof value.method === 'string' ? `"${value.method.slice(0, 40)}"` : 'missing';
    return `request.method ${shown} is not one of ${REQUEST_METHODS.join(', ')}`;
  }
  for (const key of Object.keys(value)) {
    if (!['type', 'id', 'method', 'params'].includes(key)) return `request has an unknown field "${key.slice(0, 40)}"`;
  }
  return paramsProblem(value.method, value.params === undefined ? {} : value.params);
}

/** Whether a value is a valid Request frame (params included). */
export function isRequest(value: unknown): value is AnyRequest {
  return requestProblem(value) === null;
}

/** Builds a request frame. */
export function makeRequest<M extends RequestMethod>(id: string, method: M, params: RequestParams[M]): RequestFrame<M> {
  return { type: REQUEST, id, method, params };
}
