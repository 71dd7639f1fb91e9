// A canfar config fixture for the OIDC tests.

/** A canfar config as the official client writes it, with comments, flow style and keys we do not know. */
export const CANFAR_YAML = `# written by canfar login — keep this comment
version: 1
active:
  authentication: srcnet   # the identity in use
  server: src-uk
  servers:
    srcnet: src-uk
authentication:
  cadc:
    mode: x509
    path: ~/.ssl/cadcproxy.pem
    expiry: 1790000000.0
  srcnet:
    mode: oidc
    endpoints:
      discovery: https://ska-iam.stfc.ac.uk/.well-known/openid-configuration
      token: "https://ska-iam.stfc.ac.uk/token"
    client: {identity: client-123, secret: 'client-secret-abc'}
    token:
      access: old-access-token
      refresh: old-refresh-token
      token_type: Bearer
      scope: openid profile email offline_access
    expiry:
      access: 1765000000.5
      refresh: null
servers:
  src-uk:
    idp: srcnet
    url: https://src.example.org/skaha
    version: v1
    auths: [oidc]
console:
  width: 120
  banner: true
future_key: {nested: [1, 2, 3]}   # a key a newer client may add
`;
