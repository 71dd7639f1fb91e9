import type { ResourceContext, ResourceOptions } from '../domain/platform.js';
import { isRecord, parseNumber } from './parse-values.js';

/** Parses `GET /context` (file or LimitRange mode; `maxInteractiveSessions` as a string or a number). Null when not an object. */
export function parseContext(raw: unknown): ResourceContext | null {
  if (!isRecord(raw)) return null;
  return {
    cores: resource(raw.cores),
    ramGB: resource(raw.memoryGB ?? raw.ramGB),
    gpus: { options: options(isRecord(raw.gpus) ? raw.gpus.options : undefined) },
    maxInteractiveSessions: parseNumber(raw.maxInteractiveSessions),
  };
}

function resource(raw: unknown): ResourceOptions {
  const r = isRecord(raw) ? raw : {};
  return {
    default: parseNumber(r.default),
    defaultRequest: parseNumber(r.defaultRequest),
    defaultLimit: parseNumber(r.defaultLimit),
    options: options(r.options),
  };
}

function options(raw: unknown): number[] {
  if (!Array.isArray(raw)) return [];
  return raw.map(parseNumber).filter((n): n is number => n !== null);
}
