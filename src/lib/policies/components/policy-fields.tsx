import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { LoginPolicy, TokenPolicy } from '../../../identity-cloud/schemas.ts';
import type { FieldListItem } from '../../components/field-list.tsx';
import { FieldList } from '../../components/field-list.tsx';
import { Monospace } from '../../components/monospace.tsx';
import { formatDuration } from '../../format/format.ts';

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function none(text = '—') {
  return (
    <Typography component="span" color="textSecondary">
      {text}
    </Typography>
  );
}

function lifetime(seconds: number | null | undefined) {
  if (seconds === null || seconds === undefined) return none('Not set');
  return (
    <span>
      {formatDuration(seconds)}{' '}
      <Typography component="span" variant="body2" color="textSecondary">
        ({seconds.toLocaleString('en-US')} s)
      </Typography>
    </span>
  );
}

export function tokenPolicyFieldItems(policy: TokenPolicy): FieldListItem[] {
  const scopes = policy.allowedScopes ?? [];
  return [
    { label: 'Access token lifetime', value: lifetime(policy.accessTokenLifetime) },
    { label: 'Refresh token lifetime', value: lifetime(policy.refreshTokenLifetime) },
    {
      label: 'Allowed scopes',
      value:
        scopes.length === 0 ? (
          none('None')
        ) : (
          <Stack
            direction="row"
            component="ul"
            aria-label="Allowed scopes"
            sx={{ flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0 }}
          >
            {scopes.map((scope) => (
              <Chip key={scope} component="li" size="small" label={scope} variant="outlined" />
            ))}
          </Stack>
        ),
    },
    {
      label: 'Access tokens as JWT',
      value:
        policy.useAccessJWT === null || policy.useAccessJWT === undefined
          ? none('Not set')
          : policy.useAccessJWT
            ? 'Yes'
            : 'No',
    },
  ];
}

export function loginPolicyFieldItems(policy: LoginPolicy): FieldListItem[] {
  const store = policy.identityStoreDetails;
  const connection = store?.connectionDetails;
  const claims = policy.customClaims ?? {};
  const claimSets = Object.entries(claims);
  return [
    {
      label: 'Login URL',
      value:
        typeof policy.loginURL !== 'string' || policy.loginURL === '' ? (
          none()
        ) : isWebUrl(policy.loginURL) ? (
          <Link href={policy.loginURL} target="_blank" rel="noreferrer noopener">
            {policy.loginURL}
          </Link>
        ) : (
          // Tenant data is never turned into a link unless it is plainly http(s).
          <Monospace>{policy.loginURL}</Monospace>
        ),
    },
    { label: 'Identity store', value: store?.type ?? none() },
    {
      label: 'Capture domain',
      value: connection?.domain ? <Monospace>{connection.domain}</Monospace> : none(),
    },
    {
      label: 'Capture application ID',
      value: connection?.applicationId ? <Monospace>{connection.applicationId}</Monospace> : none(),
    },
    { label: 'Entity type', value: connection?.entityType ?? none() },
    {
      label: 'Capture client ID',
      value: connection?.clientId ? <Monospace>{connection.clientId}</Monospace> : none(),
    },
    {
      label: 'Custom claims',
      value:
        claimSets.length === 0
          ? none('None')
          : claimSets.map(([target, mapping]) => (
              <div key={target}>
                <strong>{target}</strong>: <Monospace>{JSON.stringify(mapping)}</Monospace>
              </div>
            )),
    },
  ];
}

export function TokenPolicyFields({ policy }: { policy: TokenPolicy }) {
  return <FieldList items={tokenPolicyFieldItems(policy)} />;
}

export function LoginPolicyFields({ policy }: { policy: LoginPolicy }) {
  return <FieldList items={loginPolicyFieldItems(policy)} />;
}
