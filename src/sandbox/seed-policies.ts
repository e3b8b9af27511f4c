// The seeded tenant's login and token policies: a realistic set sized to the client count, plus the ones the
// findings rules look for (unused, configuration-only, long refresh lifetime).
import type { Context } from './seed-context.ts';
import { selfLink, slugOf } from './seed-context.ts';
import type { SandboxLoginPolicy, SandboxTokenPolicy } from './tenant-types.ts';

const day = 86_400;

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

export interface Policies {
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

export function makePolicies(context: Context, clientCount: number, configurationScope: string): Policies {
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
