import type { Connection } from '../../src/config/connection.js';

/** Secrets of a connection a log must never show: the token, the registry secret and each line of the key. */
export function connectionSecrets(connection: Connection): string[] {
  const secrets: string[] = [];
  const { token, pem } = connection.credential;
  if (token) secrets.push(token);
  if (connection.registryAuth?.secret) secrets.push(connection.registryAuth.secret);
  const key = pem ? /-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END [A-Z ]*PRIVATE KEY-----/.exec(pem) : null;
  if (key) secrets.push(...key[1].split(/\s+/).filter((line) => line.length >= 16));
  return secrets;
}
