import type { SimTokenSet } from './oidc.js';

/** What a canfar config for a simulator login needs. */
export interface CanfarLoginYamlOptions {
  /** The simulator's `/skaha` root. */
  baseUrl: string;
  /** The identity provider root, e.g. `http://127.0.0.1:P/oidc`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  tokens: SimTokenSet;
  /** Epoch ms the tokens were issued at (the simulator's now). */
  issuedAt: number;
  /** The identity provider key (default `simnet`). */
  idp?: string;
}

/** The text of a `~/.canfar/config.yaml` as `canfar login` writes it, holding a simulator login (OIDC mode). */
export async function canfarLoginYaml(o: CanfarLoginYamlOptions): Promise<string> {
  // Loaded on use: the simulator's other paths never need the YAML library.
  const { stringify } = await import('yaml');
  const idp = o.idp ?? 'simnet';
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const config = {
    version: 1,
    active: { authentication: idp, server: 'sim', servers: { [idp]: 'sim' } },
    authentication: {
      [idp]: {
        mode: 'oidc',
        endpoints: {
          discovery: `${o.issuer}/.well-known/openid-configuration`,
          device: `${o.issuer}/device`,
          registration: `${o.issuer}/register`,
          token: `${o.issuer}/token`,
        },
        client: { identity: o.clientId, secret: o.clientSecret },
        token: { access: o.tokens.access_token, refresh: o.tokens.refresh_token ?? null, token_type: o.tokens.token_type, scope: o.tokens.scope },
        expiry: { access: seconds(o.issuedAt) + o.tokens.expires_in, refresh: seconds(o.issuedAt) + o.tokens.refresh_expires_in },
      },
    },
    servers: { sim: { idp, uri: 'ivo://skaha-sim.invalid/skaha', url: o.baseUrl, version: 'v1', auths: ['oidc'] } },
    console: { width: 120, banner: true },
  };
  return `# ~/.canfar/config.yaml for a skaha-tui simulator login\n${stringify(config, { lineWidth: 0 })}`;
}
