import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { QueryKey, UseQueryOptions } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { Client } from '../../../identity-cloud/schemas.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { ApiErrorAlert } from '../../../lib/components/api-error-alert.tsx';
import { BackLink } from '../../../lib/components/back-link.tsx';
import { CopyButton } from '../../../lib/components/copy-button.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { RawJson } from '../../../lib/components/raw-json.tsx';
import { pluralize } from '../../../lib/format/format.ts';
import { policyUsage } from '../../../lib/inventory/policy-usage.ts';
import { useInventory } from '../../../lib/inventory/use-inventory.ts';
import { policyTitle } from '../../../identity-cloud/client-model.ts';
import type { PolicyTab } from '../routes.ts';
import { toPolicies } from '../routes.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { PolicyClientsTable } from './policy-clients-table.tsx';
import { PolicyFindings } from './policy-findings.tsx';

interface PolicyPageProps<Policy extends { id: string; title?: string | null }, Key extends QueryKey> {
  kind: PolicyTab;
  /** The query of the route's policy (its options carry the query key the inventory seeded). */
  queryOptionsFor: (policyId: string) => UseQueryOptions<Policy, Error, Policy, Key>;
  renderFields: (policy: Policy) => ReactNode;
}

const kindNames: Record<PolicyTab, string> = { login: 'login policy', token: 'token policy' };

function useClientsOf(kind: PolicyTab, policyId: string) {
  const inventory = useInventory();
  const snapshot = inventory.data;
  const clients = useMemo<readonly Client[] | null>(() => {
    if (snapshot === undefined) return null;
    const usage = policyUsage(snapshot.inventory);
    return (kind === 'login' ? usage.byLoginPolicy : usage.byTokenPolicy).get(policyId) ?? [];
  }, [snapshot, kind, policyId]);
  return { clients, complete: snapshot?.complete === true, inventory };
}

/** The route's login or token policy: its fields, the clients that use it, its raw JSON. */
export function PolicyPage<Policy extends { id: string; title?: string | null }, Key extends QueryKey>({
  kind,
  queryOptionsFor,
  renderFields,
}: PolicyPageProps<Policy, Key>) {
  const { policyId = '' } = useParams();
  const policy = useQuery(queryOptionsFor(policyId));
  const kindName = kindNames[kind];
  const notFound = policy.error instanceof ApiError && policy.error.status === 404;
  useDocumentTitle(policy.data ? policyTitle(policy.data) : notFound ? 'Policy not found' : 'Policy');
  const { clients, complete, inventory } = useClientsOf(kind, policyId);

  let details: ReactNode;
  if (policy.data !== undefined) {
    details = (
      <>
        <Box>
          <Typography variant="overline" component="p" color="textSecondary">
            {kind === 'login' ? 'Login policy' : 'Token policy'}
          </Typography>
          <Typography variant="h1" gutterBottom sx={{ overflowWrap: 'anywhere' }}>
            {policyTitle(policy.data)}
          </Typography>
          <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <Monospace>{policyId}</Monospace>
            <CopyButton value={policyId} label="policy ID" />
          </Box>
        </Box>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h2" gutterBottom>
              Settings
            </Typography>
            {renderFields(policy.data)}
          </CardContent>
        </Card>
        <ErrorBoundary label="The findings">
          <PolicyFindings kind={kind} policyId={policyId} />
        </ErrorBoundary>
      </>
    );
  } else if (notFound) {
    details = (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h1">Policy not found</Typography>
        <Typography color="textSecondary">
          This tenant has no {kindName} with the id <Monospace>{policyId}</Monospace>.
        </Typography>
        <Button variant="contained" component={RouterLink} to={toPolicies(kind)}>
          Go to the policies
        </Button>
      </Stack>
    );
  } else if (policy.error !== null) {
    details = (
      <>
        <Typography variant="h1">{kind === 'login' ? 'Login policy' : 'Token policy'}</Typography>
        <ApiErrorAlert
          error={policy.error}
          resource={`this ${kindName}`}
          forbiddenConsequence="The clients that use it are still listed below."
          onRetry={() => void policy.refetch()}
        />
      </>
    );
  } else {
    details = (
      <Stack spacing={2} aria-busy="true">
        <Typography variant="h1">
          <Skeleton width="40%" />
        </Typography>
        <Skeleton variant="rounded" height={180} />
      </Stack>
    );
  }

  return (
    <Stack spacing={3}>
      <Box component="nav" aria-label="Breadcrumb">
        <BackLink to={toPolicies(kind)}>Back to policies</BackLink>
      </Box>
      {details}
      {notFound ? null : (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="h2" gutterBottom>
              {clients === null
                ? 'Clients using it'
                : `Clients using it: ${pluralize(clients.length, 'client')}${complete ? '' : ' so far'}`}
            </Typography>
            <ErrorBoundary label="The clients using this policy">
              {inventory.error !== null && clients === null ? (
                <ApiErrorAlert
                  error={inventory.error}
                  resource="the clients"
                  onRetry={() => void inventory.refetch()}
                />
              ) : clients === null ? (
                <Skeleton variant="rounded" height={120} aria-hidden />
              ) : (
                <PolicyClientsTable clients={clients} />
              )}
            </ErrorBoundary>
          </CardContent>
        </Card>
      )}
      {policy.data !== undefined ? <RawJson value={policy.data} /> : null}
    </Stack>
  );
}
