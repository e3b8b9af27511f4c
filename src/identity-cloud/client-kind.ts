import type { Client } from './schemas.ts';

export const clientKinds = ['public', 'confidential', 'configuration'] as const;
export type ClientKind = (typeof clientKinds)[number];

export const clientKindLabels: Record<ClientKind, string> = {
  public: 'Public',
  confidential: 'Confidential',
  configuration: 'Configuration',
};

export const clientKindDescriptions: Record<ClientKind, string> = {
  public:
    'End-user facing app (SPA or native) with no secret; it must use PKCE. Its redirect URIs are its main defence.',
  confidential:
    'Server-side app with a secret, a login policy and an application client: signs end users in.',
  configuration:
    'Confidential client without a login policy or application client: it only obtains tokens for the configuration API. The most privileged kind.',
};

function isPresent(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The documented rule: public by type; confidential with neither a login policy nor an application-client link
 * is a configuration client. An unknown type is treated as confidential (it has a secret until proven otherwise).
 */
export function classifyClient(client: Pick<Client, 'type' | 'loginPolicy' | '_links'>): ClientKind {
  if (client.type === 'public') return 'public';
  const hasLoginPolicy = isPresent(client.loginPolicy);
  const hasApplicationClient = isPresent(client._links?.applicationClient?.href);
  return hasLoginPolicy || hasApplicationClient ? 'confidential' : 'configuration';
}
