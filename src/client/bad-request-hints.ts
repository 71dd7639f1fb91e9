// What to do about a 400 from Skaha: the server's known messages (skaha-api.md §2.7–2.8) each get
// their own hint; any other 400 gets the generic one.

/** What a hint may depend on besides the server's text. */
export interface BadRequestContext {
  /** The request carried private-registry credentials (the `x-skaha-registry-auth` header). */
  registryAuthSent: boolean;
}

/** The hint for a 400 whose text no rule knows. */
export const GENERIC_BAD_REQUEST_HINT = 'fix the request as the server says';

type Rule = { match: RegExp; hint: (m: RegExpExecArray, context: BadRequestContext) => string };

const PRIVATE_IMAGE = 'the registry refused the image or the credentials: check the image name and tag, and the registry username and secret';

const RULES: readonly Rule[] = [
  {
    match: /^User \S+ has reached the maximum of (\d+) active sessions/,
    hint: (m) =>
      `the cap of ${m[1]} counts your Pending and Running interactive sessions (notebook, desktop, carta, firefly, contributed; headless jobs and desktop-apps do not count): list them with \`skaha-tui ps\` and delete one with \`skaha-tui delete ID\`, or launch a headless job`,
  },
  {
    match: /^No authentication provided for unknown or private image/,
    hint: (_m, context) =>
      context.registryAuthSent
        ? PRIVATE_IMAGE
        : 'the image is not in the public image catalogue: check its name and tag (`skaha-tui images` lists the catalogue); a private image needs registry credentials (SKAHA_REGISTRY_USERNAME and SKAHA_REGISTRY_SECRET, or "registry" in the config file)',
  },
  { match: /^Invalid input\.\s+Must be in form of username:secret/, hint: () => PRIVATE_IMAGE },
  {
    match: /^session image '.*' must come from one of \[(.*)\]/,
    hint: (m) => `use an image from ${m[1] ? `one of ${m[1]}` : "the platform's registries"} (\`skaha-tui images\` lists the catalogue)`,
  },
  { match: /^Invalid value for '(cores|ram|gpus)'/, hint: (m) => `give ${m[1]} one of the server's options (\`skaha-tui context\` lists them)` },
  { match: /^Invalid session type/, hint: () => 'use one of notebook, desktop, carta, firefly, contributed or headless' },
  { match: /^unknown type: /, hint: () => 'use one of notebook, desktop, carta, firefly, contributed, headless or desktop-app' },
  { match: /^name can only contain/, hint: () => 'use only letters, digits and "-" in the name' },
  {
    match: /^No active job for user .* with session /,
    hint: () => 'only a Pending or Running interactive session can be renewed: this one has finished (or is a headless job, which renew leaves alone)',
  },
];

/** The hint for a 400 with `serverText`: the known message's own, else the generic one. */
export function badRequestHint(serverText: string, context: BadRequestContext): string {
  const text = serverText.trim();
  for (const rule of RULES) {
    const m = rule.match.exec(text);
    if (m) return rule.hint(m, context);
  }
  return GENERIC_BAD_REQUEST_HINT;
}
