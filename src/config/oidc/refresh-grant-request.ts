/** What the user is told when the identity provider refuses the refresh token. */
export const LOGIN_EXPIRED_MESSAGE = 'your CANFAR login expired — run `canfar login`';

/** One refresh_token grant: where to send it and with what. Secrets are read, never copied into messages. */
export interface RefreshGrantRequest {
  endpoint: string;
  /** The canfar config the login came from (for messages). */
  file: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A successful answer; `access` and `refresh` are non-enumerable, `refresh` is undefined when the answer kept the old one. */
export interface RefreshGrantAnswer {
  readonly access: string;
  readonly refresh?: string;
  expiresInSec: number | null;
  refreshExpiresInSec: number | null;
  tokenType?: string;
  scope?: string;
}
