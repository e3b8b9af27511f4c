// The special clients of a seeded tenant: the reference's examples, risky redirect URIs, awkward names and
// dangling references, each once, so that every findings rule and every odd case has a client to show it.
import type { ClientShape, Context } from './seed-context.ts';
import type { Policies } from './seed-policies.ts';
import type { ConfigurationCredential, SpecialClientKey } from './tenant-types.ts';

/** The two clients of the reference's list example, by id and name. */
export const referenceClients = {
  documentation: { id: 'b83fff95-a685-49db-a019-84d03275f7a0', name: 'Akamai Documentation Login Client' },
  training: { id: 'd4266439-dbb1-46ab-8976-1d192325b828', name: 'Akamai Training Login Client' },
} as const;

export function specialShapes(
  context: Context,
  policies: Policies,
  primaryConfiguration: ConfigurationCredential,
  missingLoginPolicy: string,
  secondConfiguration: ConfigurationCredential,
): Record<SpecialClientKey, ClientShape> {
  const web = (index: number) =>
    policies.assignableLogin[index % policies.assignableLogin.length]?.id ?? null;
  const [standard, mobile, shortLived] = policies.assignableToken;
  const standardId = standard?.id ?? policies.configurationPolicy.id;
  const mobileId = mobile?.id ?? standardId;
  const brand = context.brand;
  return {
    configuration: {
      id: primaryConfiguration.clientId,
      name: 'Default configuration client',
      type: 'confidential',
      redirectURIs: [],
      loginPolicy: null,
      tokenPolicy: policies.configurationPolicy.id,
    },
    referenceDocumentation: {
      ...referenceClients.documentation,
      type: 'confidential',
      redirectURIs: ['https://techdocs.example.com/oauth/callback'],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    referenceTraining: {
      ...referenceClients.training,
      type: 'public',
      redirectURIs: [
        'https://training.example.com/callback',
        'https://training.example.com/silent-renew.html',
      ],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    scriptName: {
      name: '<script>alert("sandbox")</script> Spring campaign microsite',
      type: 'public',
      redirectURIs: [`https://spring.${brand}.example.com/callback`],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    longName: {
      name:
        'Regional customer loyalty and rewards programme self-service portal for the Northern Europe ' +
        'business unit, including the legacy voucher redemption flow (phase 2 migration)',
      type: 'confidential',
      redirectURIs: [`https://rewards-nordics.${brand}.example.com/auth/callback`],
      loginPolicy: web(0),
      tokenPolicy: policies.longRefreshPolicy.id,
    },
    nonAsciiName: {
      name: 'Zürich Bürgerportal · Ελληνικά · 日本語ログイン · مرحبا · Ünïcödé ✓',
      type: 'public',
      redirectURIs: [`com.example.${brand.replace(/-/g, '')}.buerger:/oauth2redirect`],
      loginPolicy: web(1),
      tokenPolicy: mobileId,
    },
    httpRedirect: {
      name: 'Intranet timesheets (plain HTTP)',
      type: 'confidential',
      redirectURIs: [`http://intranet.${brand}.example.com/oauth/callback`],
      loginPolicy: web(3),
      tokenPolicy: standardId,
    },
    wildcardRedirect: {
      name: 'Preview deployments (wildcard)',
      type: 'public',
      redirectURIs: [`https://*.preview.${brand}.example.com/callback`],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    javascriptRedirect: {
      name: 'Bookmarklet helper',
      type: 'public',
      redirectURIs: ['javascript:alert(document.cookie)'],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    fragmentRedirect: {
      name: 'Legacy single-page shop',
      type: 'public',
      redirectURIs: [`https://shop.${brand}.example.com/callback#access_token`],
      loginPolicy: web(0),
      tokenPolicy: shortLived?.id ?? standardId,
    },
    dataRedirect: {
      name: 'Embedded widget prototype',
      type: 'public',
      redirectURIs: ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    rawIpRedirect: {
      name: 'Kiosk back office',
      type: 'confidential',
      redirectURIs: ['https://203.0.113.24/callback'],
      loginPolicy: web(3),
      tokenPolicy: standardId,
    },
    customSchemeRedirect: {
      name: 'Field service tablet app',
      type: 'public',
      redirectURIs: ['myapp:/cb'],
      loginPolicy: web(1),
      tokenPolicy: mobileId,
    },
    loopbackConfidential: {
      name: 'Order management (dev redirect left in)',
      type: 'confidential',
      redirectURIs: [
        `https://orders.${brand}.example.com/auth/callback`,
        'http://localhost:8080/auth/callback',
      ],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    duplicateRedirect: {
      name: 'Customer support console',
      type: 'confidential',
      redirectURIs: [
        `https://support.${brand}.example.com/callback`,
        `https://support.${brand}.example.com/callback`,
      ],
      loginPolicy: web(2),
      tokenPolicy: standardId,
    },
    malformedRedirect: {
      name: 'Store locator (typo in redirect)',
      type: 'public',
      redirectURIs: ['https://[stores.example.com/callback'],
      loginPolicy: web(0),
      tokenPolicy: standardId,
    },
    publicWithoutRedirect: {
      name: 'Abandoned TV app',
      type: 'public',
      redirectURIs: [],
      loginPolicy: web(1),
      tokenPolicy: mobileId,
    },
    danglingLoginPolicy: {
      name: 'Partner extranet (policy deleted)',
      type: 'confidential',
      redirectURIs: [`https://partners.${brand}.example.com/sso/callback`],
      loginPolicy: missingLoginPolicy,
      tokenPolicy: standardId,
    },
    secondConfiguration: {
      id: secondConfiguration.clientId,
      name: 'CI deployment pipeline',
      type: 'confidential',
      redirectURIs: [],
      loginPolicy: null,
      tokenPolicy: policies.configurationPolicy.id,
    },
  };
}
