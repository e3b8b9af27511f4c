import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { LoginPolicyFields, TokenPolicyFields } from '../../../lib/policies/components/policy-fields.tsx';
import { loginPolicyQueryOptions } from '../../../lib/policies/login-policy-query.ts';
import { policyTitle } from '../../../identity-cloud/client-model.ts';
import { tokenPolicyQueryOptions } from '../../../lib/policies/token-policy-query.ts';
import { toLoginPolicy, toTokenPolicy } from '../../policies/routes.ts';

function CardSection({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId} sx={{ flex: 1, minWidth: 0 }}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          {heading}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function PolicyTitleLink({ title, to, id }: { title: string; to: string; id: string }) {
  return (
    <Stack spacing={0.5} sx={{ mb: 2 }}>
      <Link component={RouterLink} to={to} sx={{ fontWeight: 600, fontSize: '1.05rem' }}>
        {title}
      </Link>
      <Typography variant="body2" color="textSecondary">
        <Monospace>{id}</Monospace>
      </Typography>
    </Stack>
  );
}

function Loading() {
  return (
    <Stack spacing={1} aria-busy="true">
      <Skeleton width="60%" />
      <Skeleton width="80%" />
      <Skeleton width="40%" />
    </Stack>
  );
}

interface PolicyCardProps<Policy> {
  heading: 'Login policy' | 'Token policy';
  policyId: string | null;
  /** The policy's query, disabled when the client has none. */
  policy: UseQueryResult<Policy>;
  /** What the card says when the client has no such policy. */
  none: ReactNode;
  to: (policyId: string) => string;
  fields: (policy: Policy) => ReactNode;
}

/** A client's login or token policy: its title linking to its page, then its settings. */
function PolicyCard<Policy extends { id: string; title?: string | null }>({
  heading,
  policyId,
  policy,
  none,
  to,
  fields,
}: PolicyCardProps<Policy>) {
  let body: ReactNode;
  if (policyId === null) {
    body = none;
  } else if (policy.data !== undefined) {
    body = (
      <>
        <PolicyTitleLink title={policyTitle(policy.data)} to={to(policyId)} id={policyId} />
        {fields(policy.data)}
      </>
    );
  } else if (policy.error !== null) {
    body = (
      <ApiErrorAlert
        error={policy.error}
        resource={`this ${heading.toLowerCase()}`}
        forbiddenConsequence={`Its id is ${policyId}; the client’s other details are shown.`}
        onRetry={() => void policy.refetch()}
      />
    );
  } else {
    body = <Loading />;
  }
  return <CardSection heading={heading}>{body}</CardSection>;
}

export function LoginPolicyCard({
  policyId,
  clientKindText,
}: {
  policyId: string | null;
  clientKindText: string;
}) {
  return (
    <PolicyCard
      heading="Login policy"
      policyId={policyId}
      policy={useQuery({ ...loginPolicyQueryOptions(policyId ?? ''), enabled: policyId !== null })}
      none={
        <Typography color="textSecondary">
          None. {clientKindText === 'configuration' ? 'Configuration clients have no login policy.' : ''}
        </Typography>
      }
      to={(id) => toLoginPolicy({ policyId: id })}
      fields={(policy) => <LoginPolicyFields policy={policy} />}
    />
  );
}

export function TokenPolicyCard({ policyId }: { policyId: string | null }) {
  return (
    <PolicyCard
      heading="Token policy"
      policyId={policyId}
      policy={useQuery({ ...tokenPolicyQueryOptions(policyId ?? ''), enabled: policyId !== null })}
      none={<Typography color="textSecondary">None.</Typography>}
      to={(id) => toTokenPolicy({ policyId: id })}
      fields={(policy) => <TokenPolicyFields policy={policy} />}
    />
  );
}
