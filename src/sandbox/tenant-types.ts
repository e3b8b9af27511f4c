// The shapes the sandbox serves: stricter than the tolerant schemas of src/identity-cloud (which must accept
// whatever a real tenant sends), because here we produce the data ourselves. Type aliases, not interfaces, so that
// they stay assignable to the schemas' open types (`{ [key: string]: unknown }`) and the domain functions.

export type Link = {
  href: string;
};

export type SandboxClient = {
  id: string;
  name: string;
  type: 'public' | 'confidential';
  redirectURIs: string[];
  /** Absent on configuration clients. */
  loginPolicy?: string;
  tokenPolicy: string;
  _links: { self: Link; applicationClient?: Link };
};

export type SandboxLoginPolicy = {
  id: string;
  title: string;
  loginURL: string;
  identityStoreDetails: {
    type: 'janrainCapture';
    connectionDetails: {
      domain: string;
      applicationId: string;
      entityType: string;
      clientId: string;
      /** A secret inside a GET answer, as documented: the proxy must redact it. */
      clientSecret: string;
    };
  };
  customClaims?: { id_token?: Record<string, string>; userinfo?: Record<string, string> };
  _links: { self: Link };
};

export type SandboxTokenPolicy = {
  id: string;
  title: string;
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  allowedScopes: string[];
  useAccessJWT: boolean;
  _links: { self: Link };
};

/** Credentials the token endpoint accepts: a configuration client's id, secret and allowed scope. */
export interface ConfigurationCredential {
  clientId: string;
  clientSecret: string;
  scope: string;
}

/** The seeded clients that exist to exercise a rule or the UI; each is present once when the count allows. */
export const specialClientKeys = [
  'configuration',
  'referenceDocumentation',
  'referenceTraining',
  'scriptName',
  'longName',
  'nonAsciiName',
  'httpRedirect',
  'wildcardRedirect',
  'javascriptRedirect',
  'fragmentRedirect',
  'dataRedirect',
  'rawIpRedirect',
  'customSchemeRedirect',
  'loopbackConfidential',
  'duplicateRedirect',
  'malformedRedirect',
  'publicWithoutRedirect',
  'danglingLoginPolicy',
  'secondConfiguration',
] as const;
export type SpecialClientKey = (typeof specialClientKeys)[number];

export interface SpecialIds {
  /** Ids of the special clients present (the smallest tenants hold only the first few). */
  clients: Partial<Record<SpecialClientKey, string>>;
  configurationTokenPolicy: string;
  longRefreshTokenPolicy: string;
  unusedTokenPolicy: string;
  unusedLoginPolicy: string;
  /** The login policy id that the dangling client references and that does not exist. */
  missingLoginPolicy: string;
}

export interface SandboxTenant {
  customerId: string;
  seed: number;
  clients: SandboxClient[];
  loginPolicies: SandboxLoginPolicy[];
  tokenPolicies: SandboxTokenPolicy[];
  /** Every credential the token endpoint accepts (the primary one first). */
  configurationClients: ConfigurationCredential[];
  special: SpecialIds;
}
