import { realpath } from 'node:fs/promises';
import { AppError, toAppError } from '../../domain/errors.js';
import { jwtExpiry } from '../jwt.js';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';
import { oidcTokens, readOidcLogin, sameTokens, type OidcLogin, type OidcTokens } from './oidc-login.js';
import type { RefreshGrantAnswer, RefreshGrantRequest } from './refresh-grant-request.js';
import { tokensIntoYaml } from './tokens-yaml.js';

/** What refreshLogin needs besides the login: the clock, the grant (an HTTP call, see src/client/refresh-grant.ts) and lock options. */
export interface RefreshLoginDeps {
  now: () => number;
  grant: (request: RefreshGrantRequest) => Promise<RefreshGrantAnswer>;
  lock?: FileLockOptions;
}

/** How a refresh ended: new tokens written to the file, or newer tokens found in it (the file untouched). */
export interface RefreshOutcome {
  kind: 'refreshed' | 'adopted';
  tokens: OidcTokens;
  /** The file's text after the refresh (what was written, or what was found). */
  text: string;
}

/**
 * Refreshes a canfar-config login, serialised against other writers: under `<file>.lock` it re-reads
 * the file; newer tokens there are taken as they are unless `due` says they need refreshing too.
 * Otherwise it sends the refresh_token grant, re-reads the file once more and writes the new tokens
 * only if nobody changed them meanwhile (a concurrent writer's tokens win and are taken instead).
 * An answer without a refresh token keeps the old one. LOGIN_EXPIRED when the provider refuses the login.
 */
export async function refreshLogin(
  login: OidcLogin,
  current: OidcTokens,
  due: (tokens: OidcTokens) => boolean,
  deps: RefreshLoginDeps,
): Promise<RefreshOutcome> {
  const file = await realFile(login.file);
  return withFileLock(
    `${file}.lock`,
    async () => {
      const before = await readSame(file, login.idp);
      if (!sameTokens(before.login.tokens, current) && !due(before.login.tokens)) return { kind: 'adopted', tokens: before.login.tokens, text: before.text };
      const base = sameTokens(before.login.tokens, current) ? current : before.login.tokens;
      let answer: RefreshGrantAnswer;
      try {
        answer = await deps.grant({
          endpoint: before.login.tokenEndpoint,
          file,
          clientId: before.login.clientId,
          clientSecret: before.login.clientSecret,
          refreshToken: base.refresh,
        });
      } catch (error) {
        // A refusal of a token someone has just replaced (a new `canfar login`) is no refusal of the login.
        if (toAppError(error).code !== 'LOGIN_EXPIRED') throw error;
        const now = await readSame(file, login.idp).catch(() => null);
        if (now && !sameTokens(now.login.tokens, before.login.tokens)) return { kind: 'adopted', tokens: now.login.tokens, text: now.text };
        throw error;
      }
      const next = tokensFromAnswer(answer, base, deps.now());
      const after = await readSame(file, login.idp);
      if (!sameTokens(after.login.tokens, before.login.tokens)) return { kind: 'adopted', tokens: after.login.tokens, text: after.text };
      const text = tokensIntoYaml(after.text, login.idp, next);
      await writeFileAtomic(file, text);
      return { kind: 'refreshed', tokens: next, text };
    },
    deps.lock,
  );
}

/** Pure: the token set after a grant answer: a missing refresh token keeps the old one (and its expiry). */
export function tokensFromAnswer(answer: RefreshGrantAnswer, base: OidcTokens, now: number): OidcTokens {
  const rotated = answer.refresh !== undefined && answer.refresh !== base.refresh;
  return oidcTokens(answer.access, answer.refresh ?? base.refresh, {
    accessExpiresAt: answer.expiresInSec !== null ? now + answer.expiresInSec * 1000 : jwtExpiry(answer.access),
    refreshExpiresAt: answer.refreshExpiresInSec !== null ? now + answer.refreshExpiresInSec * 1000 : rotated ? null : base.refreshExpiresAt,
    issuedAt: now,
    ...((answer.tokenType ?? base.tokenType) ? { tokenType: answer.tokenType ?? base.tokenType } : {}),
    ...((answer.scope ?? base.scope) ? { scope: answer.scope ?? base.scope } : {}),
  });
}

async function realFile(file: string): Promise<string> {
  try {
    // A symlinked config (dotfile managers) is updated where it really lives, keeping the link.
    return await realpath(file);
  } catch {
    throw gone(file);
  }
}

async function readSame(file: string, idp: string): Promise<{ text: string; login: OidcLogin }> {
  const read = await readOidcLogin(file);
  if (!read?.login || read.login.idp !== idp) throw gone(file, idp);
  return { text: read.text, login: read.login };
}

function gone(file: string, idp?: string): AppError {
  const what = idp ? `no longer holds a refreshable login ${idp}` : 'is gone';
  return new AppError('TOKEN_REFRESH_FAILED', `the canfar config ${file} ${what}, so the token was not refreshed — log in again with \`canfar login\``);
}
