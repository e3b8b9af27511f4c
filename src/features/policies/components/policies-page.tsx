import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { UseQueryResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PolicySummary } from '../../../identity-cloud/schemas.ts';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { QueryErrorAlert } from '../../../lib/components/query-error-alert.tsx';
import { ErrorBoundary } from '../../../lib/components/error-boundary.tsx';
import { formatDuration } from '../../../lib/format/format.ts';
import { policyUsage } from '../../../lib/inventory/policy-usage.ts';
import { useInventory } from '../../../lib/inventory/use-inventory.ts';
import type { PolicyTab } from '../routes.ts';
import { toPolicy } from '../routes.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { loginPoliciesQueryOptions } from '../api/login-policies-query.ts';
import { tokenPoliciesQueryOptions } from '../api/token-policies-query.ts';
import { toPolicyRows } from '../utils/policy-rows.ts';
import type { ExtraPolicyColumn } from './policies-table.tsx';
import { PoliciesTable } from './policies-table.tsx';

interface PolicyList {
  total: number;
  items: PolicySummary[];
}

const tabs: { value: PolicyTab; label: string }[] = [
  { value: 'login', label: 'Login policies' },
  { value: 'token', label: 'Token policies' },
];

function LoginPoliciesPanel() {
  return <PolicyPanel tab="login" list={useQuery(loginPoliciesQueryOptions())} />;
}

function TokenPoliciesPanel() {
  return <PolicyPanel tab="token" list={useQuery(tokenPoliciesQueryOptions())} />;
}

function PolicyPanel({ tab, list }: { tab: PolicyTab; list: UseQueryResult<PolicyList> }) {
  const inventory = useInventory();
  const snapshot = inventory.data;
  const usage = useMemo(() => (snapshot === undefined ? null : policyUsage(snapshot.inventory)), [snapshot]);
  const fetched =
    tab === 'login' ? snapshot?.inventory.loginPoliciesById : snapshot?.inventory.tokenPoliciesById;
  const rows = useMemo(
    () =>
      toPolicyRows(
        list.data?.items,
        fetched ?? new Map(),
        (tab === 'login' ? usage?.byLoginPolicy : usage?.byTokenPolicy) ?? new Map(),
      ),
    [list.data, fetched, usage, tab],
  );

  const extraColumns: ExtraPolicyColumn[] =
    tab === 'login'
      ? [
          {
            header: 'Login URL',
            cell: (row) => snapshot?.inventory.loginPoliciesById.get(row.id)?.loginURL ?? '—',
          },
        ]
      : [
          {
            header: 'Access token lifetime',
            cell: (row) => {
              const seconds = snapshot?.inventory.tokenPoliciesById.get(row.id)?.accessTokenLifetime;
              return typeof seconds === 'number' ? formatDuration(seconds) : '—';
            },
          },
          {
            header: 'Refresh token lifetime',
            cell: (row) => {
              const seconds = snapshot?.inventory.tokenPoliciesById.get(row.id)?.refreshTokenLifetime;
              return typeof seconds === 'number' ? formatDuration(seconds) : '—';
            },
          },
        ];

  const label = tab === 'login' ? 'Login policies' : 'Token policies';
  const waiting = list.isPending && snapshot === undefined;
  return (
    <Stack spacing={2}>
      <QueryErrorAlert
        query={list}
        resource={`the list of ${label.toLowerCase()}`}
        forbiddenConsequence="Policies that clients reference are still shown where the token can read them."
      />
      <QueryErrorAlert query={inventory} resource="the clients (for the counts)" />
      {waiting ? (
        <Stack spacing={1} aria-busy="true">
          <Skeleton height={32} />
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Stack>
      ) : (
        <PoliciesTable
          label={label}
          rows={rows}
          href={(policyId) => toPolicy(tab, policyId)}
          extraColumns={extraColumns}
          countsComplete={snapshot?.complete === true}
        />
      )}
    </Stack>
  );
}

export function PoliciesPage() {
  useDocumentTitle('Policies');
  const [params, setParams] = useSearchParams();
  const tab: PolicyTab = params.get('tab') === 'token' ? 'token' : 'login';
  return (
    <Stack spacing={2}>
      <PageHeading title="Policies">
        Login policies say where and how end users sign in; token policies set token lifetimes and scopes.
        Each client references one of each (configuration clients have no login policy).
      </PageHeading>
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_event, next: PolicyTab) => setParams(next === 'login' ? {} : { tab: next })}
          aria-label="Kinds of policy"
          sx={{ borderBottom: 1, borderColor: 'divider', px: 1 }}
        >
          {tabs.map((item) => (
            <Tab
              key={item.value}
              value={item.value}
              label={item.label}
              id={`policies-tab-${item.value}`}
              aria-controls={`policies-panel-${item.value}`}
              sx={{ textTransform: 'none', fontSize: '1rem' }}
            />
          ))}
        </Tabs>
        <Box
          role="tabpanel"
          id={`policies-panel-${tab}`}
          aria-labelledby={`policies-tab-${tab}`}
          sx={{ p: 2 }}
        >
          <ErrorBoundary label={`The ${tab} policies`} resetKey={tab}>
            {tab === 'login' ? <LoginPoliciesPanel /> : <TokenPoliciesPanel />}
          </ErrorBoundary>
        </Box>
      </Paper>
    </Stack>
  );
}
