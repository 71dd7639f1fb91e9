import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { AppError } from '../../domain/errors.js';
import type { OidcTokens } from './oidc-login.js';

let yaml: typeof Yaml | null = null;

/** The YAML library, loaded at the first write-back rather than with the daemon: most daemons never refresh a canfar-config login (~1 MB of RSS). */
function yamlLibrary(): typeof Yaml {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/**
 * Pure: the canfar config text with one login's tokens and expiries replaced, through the YAML
 * document API so every other key, comment and the order stay as they were. Expiries are written
 * as epoch seconds, as the official client does; an unknown refresh expiry is written as null.
 */
export function tokensIntoYaml(text: string, idp: string, tokens: OidcTokens): string {
  const { isMap, parseDocument } = yamlLibrary();
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new AppError(
      'TOKEN_REFRESH_FAILED',
      `the canfar config is not valid YAML (${doc.errors[0].code}), so the new tokens were not written — fix it, or run \`canfar login\``,
    );
  const record = ['authentication', idp];
  if (!isMap(doc.getIn(record, true)))
    throw new AppError('TOKEN_REFRESH_FAILED', `the canfar config no longer holds the login ${idp}, so the new tokens were not written`);
  set(doc, [...record, 'token', 'access'], tokens.access);
  set(doc, [...record, 'token', 'refresh'], tokens.refresh);
  if (tokens.tokenType !== undefined) set(doc, [...record, 'token', 'token_type'], tokens.tokenType);
  if (tokens.scope !== undefined) set(doc, [...record, 'token', 'scope'], tokens.scope);
  set(doc, [...record, 'expiry', 'access'], seconds(tokens.accessExpiresAt));
  set(doc, [...record, 'expiry', 'refresh'], seconds(tokens.refreshExpiresAt));
  return doc.toString();
}

function set(doc: Document, path: string[], value: string | number | null): void {
  const { isMap } = yamlLibrary();
  // A parent that is missing or not a map (e.g. `expiry: null`) becomes an empty map first.
  for (let i = 1; i < path.length; i++) {
    const parent = path.slice(0, i);
    if (!isMap(doc.getIn(parent, true))) doc.setIn(parent, doc.createNode({}));
  }
  doc.setIn(path, value);
}

function seconds(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / 1000);
}
