// A deterministic tenant: the same seed and count always give the same clients and policies, byte for byte.
// The special clients (reference examples, risky redirect URIs, awkward names, dangling references) come first,
// in a fixed order, so that every tenant big enough holds each of them exactly once; the rest is a realistic mix.
import { Faker, base, en } from '@faker-js/faker';
import type {
  ConfigurationCredential,
  SandboxClient,
  SandboxLoginPolicy,
  SandboxTenant,
  SandboxTokenPolicy,
  SpecialClientKey,
  SpecialIds,
} from './tenant-types.ts';
import { specialClientKeys } from './tenant-types.ts';
import { mulberry32 } from './mulberry32.ts';

export interface SeedOptions {
  seed: number;
  /** How many clients the list holds, configuration clients included (1..20,000). */
  clients: number;
  customerId: string;
  /** The primary configuration client, whose credentials the sandbox prints at start. */
  configurationClient: ConfigurationCredential;
}

/** The two clients of the reference's list example, by id and name. */
export const referenceClients = {
  documentation: { id: 'b83fff95-a685-49db-a019-84d03275f7a0', name: 'Akamai Documentation Login Client' },
  training: { id: 'd4266439-dbb1-46ab-8976-1d192325b828', name: 'Akamai Training Login Client' },
} as const;

export const maxSandboxClients = 20_000;

const day = 86_400;

interface Context {
  faker: Faker;
  /** Ids and opaque strings: faker's generators take half the time of a 20,000-client tenant otherwise. */
  fast: FastIds;
  customerId: string;
  /** The tenant owner's domain stem, e.g. `harber-group`. */
  brand: string;
  usedNames: Set<string>;
}

interface FastIds {
  uuid(): string;
  alphanumeric(length: number): string;
}

/** Deterministic (mulberry32) ids: UUID version 4 layout, lower-case alphanumerics. */
function fastIds(seed: number): FastIds {
  const next = mulberry32(seed);
  const hex = (digits: number) => {
    let text = '';
    while (text.length < digits) text += next().toString(16).padStart(8, '0');
    return text.slice(0, digits);
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return {
    uuid: () => {
      const variant = '89ab'[next() % 4] ?? '8';
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
    alphanumeric: (length) => {
      let text = '';
      for (let index = 0; index < length; index += 1) text += alphabet[next() % alphabet.length] ?? 'a';
      return text;
    },
  };
}

function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'app' : slug;
}

function uniqueName(context: Context, name: string): string {
  let candidate = name;
  for (let suffix = 2; context.usedNames.has(candidate); suffix += 1) candidate = `${name} ${suffix}`;
  context.usedNames.add(candidate);
  return candidate;
}

function selfLink(context: Context, collection: string, id: string) {
  return { href: `/${context.customerId}/config/${collection}/${id}` };
}

function applicationClientLink(context: Context) {
  const applicationId = context.fast.alphanumeric(26);
  const apiClientId = context.fast.alphanumeric(32);
  // Our choice: the key and the target of this link are undocumented; `.example.com` is never contacted.
  return {
    href: `https://capture.${context.brand}.example.com/apps/${applicationId}/clients/${apiClientId}`,
  };
}

/** Where a login policy signs people in: Hosted Login v2 or v1 (the documented URLs), or the app's own page. */
type LoginPage = 'hosted-v2' | 'hosted-v1' | 'own';

function loginUrl(context: Context, title: string, page: LoginPage): string {
  const hosted = `https://v1.api.us.janrain.com/${context.customerId}/auth-ui`;
  if (page === 'hosted-v2') return `${hosted}/v2/login`;
  if (page === 'hosted-v1') return `${hosted}/login`;
  return `https://login.${context.brand}.example.com/${slugOf(title)}`;
}

function makeLoginPolicy(
  context: Context,
  title: string,
  withClaims: boolean,
  page: LoginPage = 'hosted-v2',
): SandboxLoginPolicy {
  const { fast } = context;
  const id = fast.uuid();
  const policy: SandboxLoginPolicy = {
    id,
    title,
    loginURL: loginUrl(context, title, page),
    identityStoreDetails: {
      type: 'janrainCapture',
      connectionDetails: {
        domain: `${context.brand}-${slugOf(title)}.us-dev.janraincapture.com`,
        applicationId: fast.alphanumeric(26),
        entityType: 'user',
        clientId: fast.alphanumeric(32),
        clientSecret: fast.alphanumeric(32),
      },
    },
    ...(withClaims
      ? {
          customClaims: {
            id_token: { email: 'email', given_name: 'givenName', family_name: 'familyName' },
            userinfo: { loyalty_tier: 'loyalty.tier', phone_number: 'mobileNumber' },
          },
        }
      : {}),
    _links: { self: selfLink(context, 'loginPolicies', id) },
  };
  return policy;
}

function makeTokenPolicy(
  context: Context,
  title: string,
  fields: Omit<SandboxTokenPolicy, 'id' | 'title' | '_links'>,
): SandboxTokenPolicy {
  const id = context.fast.uuid();
  return { id, title, ...fields, _links: { self: selfLink(context, 'tokenPolicies', id) } };
}

interface Policies {
  loginPolicies: SandboxLoginPolicy[];
  tokenPolicies: SandboxTokenPolicy[];
  /** Policies that ordinary clients may reference (the unused and configuration ones excluded). */
  assignableLogin: SandboxLoginPolicy[];
  assignableToken: SandboxTokenPolicy[];
  configurationPolicy: SandboxTokenPolicy;
  longRefreshPolicy: SandboxTokenPolicy;
  unusedLogin: SandboxLoginPolicy;
  unusedToken: SandboxTokenPolicy;
}

function makePolicies(context: Context, clientCount: number, configurationScope: string): Policies {
  const loginTitles = [
    'Consumer web sign-in',
    'Mobile apps sign-in',
    'Partner portal (SSO)',
    'Employee access',
  ];
  const extraLogin = Math.min(36, Math.floor(clientCount / 500));
  const pages: LoginPage[] = ['hosted-v2', 'hosted-v2', 'own', 'hosted-v1'];
  const assignableLogin = loginTitles.map((title, index) =>
    makeLoginPolicy(context, title, index % 2 === 0, pages[index]),
  );
  for (let index = 0; index < extraLogin; index += 1) {
    const title = `${context.faker.company.name()} sign-in`;
    assignableLogin.push(makeLoginPolicy(context, title, index % 3 === 0));
  }
  const unusedLogin = makeLoginPolicy(context, 'Legacy campaign sign-in (retired)', false);

  const configurationPolicy = makeTokenPolicy(context, 'Configuration API access', {
    accessTokenLifetime: 3600,
    refreshTokenLifetime: 7_776_000,
    allowedScopes: configurationScope.split(' ').filter((part) => part !== ''),
    useAccessJWT: false,
  });
  const standard = makeTokenPolicy(context, 'Standard web session', {
    accessTokenLifetime: 3600,
    refreshTokenLifetime: 90 * day,
    allowedScopes: ['openid', 'profile', 'email'],
    useAccessJWT: false,
  });
  const mobile = makeTokenPolicy(context, 'Mobile app session', {
    accessTokenLifetime: 1800,
    refreshTokenLifetime: 30 * day,
    allowedScopes: ['openid', 'profile', 'email', 'phone'],
    useAccessJWT: true,
  });
  const shortLived = makeTokenPolicy(context, 'High assurance (short-lived)', {
    accessTokenLifetime: 300,
    refreshTokenLifetime: day,
    allowedScopes: ['openid', 'email'],
    useAccessJWT: true,
  });
  const longRefreshPolicy = makeTokenPolicy(context, 'Remember me for a year', {
    accessTokenLifetime: 3600,
    refreshTokenLifetime: 31_536_000,
    allowedScopes: ['openid', 'profile', 'email', 'address', 'phone'],
    useAccessJWT: false,
  });
  const unusedToken = makeTokenPolicy(context, 'Legacy token policy (retired)', {
    accessTokenLifetime: 3600,
    refreshTokenLifetime: 7_776_000,
    allowedScopes: ['openid'],
    useAccessJWT: false,
  });
  const assignableToken = [standard, mobile, shortLived, longRefreshPolicy];
  const extraToken = Math.min(36, Math.floor(clientCount / 500));
  for (let index = 0; index < extraToken; index += 1) {
    assignableToken.push(
      makeTokenPolicy(context, `${context.faker.commerce.department()} tokens ${index + 1}`, {
        accessTokenLifetime: context.faker.helpers.arrayElement([600, 900, 1800, 3600]),
        refreshTokenLifetime: context.faker.helpers.arrayElement([day, 7 * day, 30 * day, 90 * day]),
        allowedScopes: context.faker.helpers.arrayElement([
          ['openid', 'profile'],
          ['openid', 'profile', 'email'],
          ['openid', 'email', 'phone'],
        ]),
        useAccessJWT: context.faker.datatype.boolean(),
      }),
    );
  }
  return {
    loginPolicies: [...assignableLogin, unusedLogin],
    tokenPolicies: [configurationPolicy, ...assignableToken, unusedToken],
    assignableLogin,
    assignableToken,
    configurationPolicy,
    longRefreshPolicy,
    unusedLogin,
    unusedToken,
  };
}

interface ClientShape {
  id?: string;
  name: string;
  type: 'public' | 'confidential';
  redirectURIs: string[];
  /** `null`: a configuration client (no login policy, no application client). */
  loginPolicy: string | null;
  tokenPolicy: string;
}

function buildClient(context: Context, shape: ClientShape): SandboxClient {
  const id = shape.id ?? context.fast.uuid();
  const self = selfLink(context, 'clients', id);
  const name = uniqueName(context, shape.name);
  if (shape.loginPolicy === null) {
    const { type, redirectURIs, tokenPolicy } = shape;
    return { id, name, type, redirectURIs, tokenPolicy, _links: { self } };
  }
  // The documented field order: loginPolicy before tokenPolicy, links last.
  return {
    id,
    name,
    type: shape.type,
    redirectURIs: shape.redirectURIs,
    loginPolicy: shape.loginPolicy,
    tokenPolicy: shape.tokenPolicy,
    _links:
      shape.type === 'confidential' ? { self, applicationClient: applicationClientLink(context) } : { self },
  };
}

function specialShapes(
  context: Context,
  policies: Policies,
  options: SeedOptions,
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
      id: options.configurationClient.clientId,
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

const webSuffixes = [
  'Customer Portal',
  'Web Shop',
  'Account Centre',
  'Partner Hub',
  'Support Site',
  'Newsroom',
];
const spaSuffixes = ['Dashboard', 'Checkout', 'Loyalty App', 'Booking SPA', 'Events Microsite'];
const nativeSuffixes = ['iOS app', 'Android app', 'Smart TV app', 'Desktop app', 'Watch app'];

function mixedClient(context: Context, policies: Policies): ClientShape {
  const { faker } = context;
  const company = faker.company.name();
  const slug = slugOf(company);
  const loginPolicy = faker.helpers.arrayElement(policies.assignableLogin).id;
  const tokenPolicy = faker.helpers.arrayElement(policies.assignableToken).id;
  const roll = faker.number.float({ min: 0, max: 1 });
  if (roll < 0.45) {
    const redirectURIs = [`https://${faker.internet.domainWord()}.${slug}.example.com/auth/callback`];
    if (faker.datatype.boolean()) redirectURIs.push(`https://${slug}.example.com/oauth/callback`);
    const name = `${company} ${faker.helpers.arrayElement(webSuffixes)}`;
    return { name, type: 'confidential', redirectURIs, loginPolicy, tokenPolicy };
  }
  if (roll < 0.75) {
    const redirectURIs = [`https://app.${slug}.example.com/callback`];
    if (faker.datatype.boolean()) redirectURIs.push(`https://app.${slug}.example.com/silent-renew.html`);
    // Development builds of SPAs commonly keep a loopback redirect: allowed for public clients.
    if (roll > 0.7)
      redirectURIs.push(`http://localhost:${faker.helpers.arrayElement([3000, 5173, 8080])}/callback`);
    const name = `${company} ${faker.helpers.arrayElement(spaSuffixes)}`;
    return { name, type: 'public', redirectURIs, loginPolicy, tokenPolicy };
  }
  const reverseDomain = `com.example.${slug.replace(/-/g, '')}`;
  const redirectURIs = [`${reverseDomain}:/oauth2redirect`];
  if (faker.datatype.boolean()) redirectURIs.push(`https://${slug}.example.com/app-link/callback`);
  const name = `${company} ${faker.helpers.arrayElement(nativeSuffixes)}`;
  return { name, type: 'public', redirectURIs, loginPolicy, tokenPolicy };
}

/** Generates the tenant. Throws a RangeError for a count outside 1..20,000. */
export function seedTenant(options: SeedOptions): SandboxTenant {
  if (!Number.isInteger(options.clients) || options.clients < 1 || options.clients > maxSandboxClients) {
    throw new RangeError(`The client count must be an integer from 1 to ${maxSandboxClients}.`);
  }
  const faker = new Faker({ locale: [en, base] });
  faker.seed(options.seed);
  const context: Context = {
    faker,
    fast: fastIds(faker.number.int({ max: 2 ** 32 - 1 })),
    customerId: options.customerId,
    brand: slugOf(faker.company.name()),
    usedNames: new Set(),
  };
  const policies = makePolicies(context, options.clients, options.configurationClient.scope);
  const missingLoginPolicy = context.fast.uuid();
  const secondConfiguration: ConfigurationCredential = {
    clientId: context.fast.uuid(),
    clientSecret: context.fast.alphanumeric(48),
    scope: 'GET:config/clients GET:config/clients/*',
  };

  const shapes = specialShapes(context, policies, options, missingLoginPolicy, secondConfiguration);
  const specialIds: SpecialIds['clients'] = {};
  const clients: SandboxClient[] = [];
  for (const key of specialClientKeys.slice(0, options.clients)) {
    const client = buildClient(context, shapes[key]);
    specialIds[key] = client.id;
    clients.push(client);
  }
  while (clients.length < options.clients) clients.push(buildClient(context, mixedClient(context, policies)));
  // Spread the special clients through the list (a real list is in creation order, not grouped by risk); the
  // primary configuration client stays first, as every tenant starts with it.
  const [primary, ...rest] = clients;
  const ordered = primary ? [primary, ...faker.helpers.shuffle(rest)] : [];

  const configurationClients = [options.configurationClient];
  if (specialIds.secondConfiguration) configurationClients.push(secondConfiguration);

  return {
    customerId: options.customerId,
    seed: options.seed,
    clients: ordered,
    loginPolicies: policies.loginPolicies,
    tokenPolicies: policies.tokenPolicies,
    configurationClients,
    special: {
      clients: specialIds,
      configurationTokenPolicy: policies.configurationPolicy.id,
      longRefreshTokenPolicy: policies.longRefreshPolicy.id,
      unusedTokenPolicy: policies.unusedToken.id,
      unusedLoginPolicy: policies.unusedLogin.id,
      missingLoginPolicy,
    },
  };
}
