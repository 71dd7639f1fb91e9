import type { Credential } from '../../src/config/connection.js';
import { credentialUser } from '../../src/config/credential-user.js';

/** `{ user }` when the credential names one, else nothing (the status keeps the shape it had). */
export function userField(credential: Credential): { user?: string } {
  const user = credentialUser(credential);
  return user === null ? {} : { user };
}
