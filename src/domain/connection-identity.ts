/** Which server and which credential a connection uses, without the secret: what the daemon tells each client. */
export interface ConnectionIdentity {
  /** The service root with its API version, e.g. `https://ws-uv.canfar.net/skaha/v1`. */
  server: string;
  credential: {
    kind: 'token' | 'certificate' | 'none';
    /** Where it came from: flag, env, config, canfar-config or default. */
    source: string;
    /** A short hash of the token, or of the certificate (never of its key); null for no credential. */
    fingerprint: string | null;
  };
}

/** Whether two identities name the same server and the same credential (its source may differ); a null one never matches. */
export function sameIdentity(a: ConnectionIdentity | null, b: ConnectionIdentity | null): boolean {
  if (!a || !b) return false;
  return a.server === b.server && a.credential.kind === b.credential.kind && a.credential.fingerprint === b.credential.fingerprint;
}

/** One line for messages, e.g. `https://h/skaha/v1 with token 1a2b3c4d5e6f (env)`; never a secret. */
export function describeIdentity(identity: ConnectionIdentity | null): string {
  if (!identity) return 'no usable connection';
  const credential = describeCredential(identity);
  return identity.credential.kind === 'none' ? `${identity.server} ${credential}` : `${identity.server} with ${credential}`;
}

/** What two identities differ in, described for each: only the credentials when the server is the same. */
export function describeDifference(a: ConnectionIdentity | null, b: ConnectionIdentity | null): [string, string] {
  if (a && b && a.server === b.server) return [describeCredential(a), describeCredential(b)];
  return [describeIdentity(a), describeIdentity(b)];
}

function describeCredential(identity: ConnectionIdentity): string {
  const { kind, source, fingerprint } = identity.credential;
  return kind === 'none' ? 'without credentials' : `${kind} ${fingerprint ?? '?'} (${source})`;
}
