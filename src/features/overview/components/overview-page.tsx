import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { lazy, useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { clientKindLabels, clientKinds } from '../../../identity-cloud/client-kind.ts';
import { severities, severityLabels } from '../../../identity-cloud/findings/finding.ts';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { kindColors } from '../../../lib/components/client-kind-chip.tsx';
import { severityColors } from '../../../lib/components/severity-chip.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import { InventoryErrorAlert } from '../../../lib/inventory/inventory-error-alert.tsx';
import { overviewShell, overviewTenantWords } from '../../../identity-cloud/page-shells.ts';
import { StreamStatusLine } from '../../../lib/inventory/stream-status-line.tsx';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import type { PolicyTab } from '../../policies/routes.ts';
import { toClients } from '../../clients/routes.ts';
import { toFindings } from '../../findings/routes.ts';
import { toPolicies, toPolicy } from '../../policies/routes.ts';
import { sessionQueryOptions } from '../../../lib/session/session-query.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useThrottledValue } from '../../../lib/use-throttled-value.ts';
import type { PolicyCounts } from '../utils/overview-counts.ts';
import { overviewCounts, topPolicies } from '../utils/overview-counts.ts';
import { barChartHeight, donutChartHeight } from '../utils/chart-size.ts';
import { ChangesSinceSnapshot } from './changes-since-snapshot.tsx';
import type { OverviewItem } from './overview-card.tsx';
import { OverviewCard } from './overview-card.tsx';

const loadCharts = () => import('./overview-charts.tsx');
const DonutChart = lazy(async () => ({ default: (await loadCharts()).DonutChart }));
const HorizontalBarChart = lazy(async () => ({ default: (await loadCharts()).HorizontalBarChart }));

const policyColor = { light: '#0b5cad', dark: '#7ab8ff' };
const missingColor = { light: '#c62828', dark: '#ff8a80' };
const neutralColor = { light: '#5f6b76', dark: '#b0bec5' };
const shownPolicies = 8;
// The policy cards' placeholder while details arrive: the bars of a typical tenant (their number is not known
// until every client is in; the cards are the last row, so a difference moves only what is below the fold).
const pendingPolicyBars = 5;

const chartIntervalWhileStreamingMs = 1_000;

type Counts = ReturnType<typeof overviewCounts> | null;

function kindItemsOf(counts: Counts): OverviewItem[] {
  return clientKinds.map((kind) => ({
    key: kind,
    label: clientKindLabels[kind],
    value: counts?.byKind[kind] ?? 0,
    to: toClients(new URLSearchParams({ kind })),
    color: kindColors[kind],
  }));
}

function severityItemsOf(counts: Counts): OverviewItem[] {
  return severities.map((severity) => ({
    key: severity,
    label: severityLabels[severity],
    value: counts?.bySeverity[severity] ?? 0,
    to: toFindings(new URLSearchParams({ severity })),
    color: severityColors[severity],
  }));
}

/** How far the inventory is, in one short line (see StreamStatusLine). */
function statusText(streaming: boolean, counts: { total: number | null; detailed: number } | null): string {
  if (counts?.total == null) return streaming ? (overviewShell.status ?? '') : '';
  const of = `${formatCount(counts.detailed)} of ${formatCount(counts.total)} clients`;
  return streaming ? `Reading details: ${of}…` : `Details of ${of} read.`;
}

function policyItems(counts: PolicyCounts, tab: PolicyTab): OverviewItem[] {
  const { shown, others } = topPolicies(counts.policies, shownPolicies);
  const items: OverviewItem[] = shown.map((policy) => ({
    key: policy.id,
    label: policy.missing ? 'Missing policy' : (policy.title ?? policy.id),
    note: policy.missing
      ? `(${policy.id}: referenced, but not in the tenant)`
      : policy.title === null
        ? '(title unavailable)'
        : undefined,
    value: policy.clients,
    to: toPolicy(tab, policy.id),
    color: policy.missing ? missingColor : policyColor,
  }));
  if (others !== null) {
    items.push({
      key: 'others',
      label: pluralize(others.policies, 'other policy', 'other policies'),
      value: others.clients,
      to: toPolicies(tab),
      color: neutralColor,
    });
  }
  if (counts.withoutPolicy > 0) {
    items.push({
      key: 'none',
      label: tab === 'login' ? 'No login policy' : 'No token policy',
      note: tab === 'login' ? '(configuration clients)' : undefined,
      value: counts.withoutPolicy,
      color: neutralColor,
    });
  }
  return items;
}

function unusedNote(counts: PolicyCounts, tab: PolicyTab) {
  if (counts.unused.length === 0) return undefined;
  return (
    <Typography variant="body2">
      {pluralize(counts.unused.length, 'policy', 'policies')} used by no client:{' '}
      {counts.unused.map((policy, index) => (
        <span key={policy.id}>
          {index > 0 ? ', ' : ''}
          <Link component={RouterLink} to={toPolicy(tab, policy.id)}>
            {policy.title ?? policy.id}
          </Link>
        </span>
      ))}
      .
    </Typography>
  );
}

/** Clients by login or token policy: the most used policies, then the others, and the policies no client uses. */
function PolicyOverviewCard({
  tab,
  counts,
  streaming,
}: {
  tab: PolicyTab;
  counts: PolicyCounts;
  streaming: boolean;
}) {
  const items = policyItems(counts, tab);
  const title = `Clients by ${tab} policy`;
  return (
    <OverviewCard
      title={title}
      summary={
        streaming
          ? 'Counted once every client’s details are in.'
          : `${pluralize(counts.policies.length, `${tab} policy`, `${tab} policies`)} in use.`
      }
      listLabel={title}
      items={items}
      chart={<HorizontalBarChart data={items} />}
      chartHeight={barChartHeight(streaming ? pendingPolicyBars : items.length)}
      pending={streaming}
      footer={unusedNote(counts, tab)}
    />
  );
}

/** The tenant at a glance: clients by kind and by policy, findings by severity, each linking to the list. */
export function OverviewPage() {
  useDocumentTitle('Overview');
  const session = useQuery(sessionQueryOptions());
  const { inventory, snapshot, streaming, evaluated } = useInventoryFindings();
  const findings = evaluated?.findings;
  const counts = useMemo(
    () => (snapshot === undefined ? null : overviewCounts(snapshot.inventory, findings)),
    [snapshot, findings],
  );

  // The lists follow every publish; the charts, costly to draw, at most once a second while details stream in.
  const chartCounts = useThrottledValue(counts, chartIntervalWhileStreamingMs, streaming);
  const kindItems = kindItemsOf(counts);
  const severityItems = severityItemsOf(counts);
  const findingsTotal = severities.reduce((sum, severity) => sum + (counts?.bySeverity[severity] ?? 0), 0);
  const soFar = streaming ? ' so far' : '';

  return (
    <Stack spacing={3}>
      <PageHeading title={overviewShell.heading}>
        {session.data ? overviewTenantWords(session.data) : ''}
        {counts?.total != null
          ? `${pluralize(counts.total, 'client')}, ${pluralize(findingsTotal, 'finding')}${soFar}.`
          : overviewShell.lead}
      </PageHeading>

      <StreamStatusLine
        active={streaming}
        progressLabel="Loading the inventory"
        {...(counts?.total != null && counts.total > 0
          ? { value: Math.min(100, (counts.detailed / counts.total) * 100) }
          : {})}
        text={statusText(streaming, counts)}
      />

      <InventoryErrorAlert inventory={inventory} />

      {counts === null ? (
        inventory.error === null ? (
          <Skeleton variant="rounded" height={320} aria-hidden />
        ) : null
      ) : (
        <>
          {findings !== undefined && findings.limitations.length > 0 && !streaming ? (
            <Alert severity="warning">
              Some rules could not be checked everywhere: see{' '}
              <Link component={RouterLink} to={toFindings()}>
                the findings
              </Link>{' '}
              for what is missing.
            </Alert>
          ) : null}
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' },
              gap: 2,
            }}
          >
            <OverviewCard
              title="Clients by kind"
              summary={`${pluralize(counts.detailed, 'client')} with details${soFar}.`}
              listLabel="Clients by kind"
              items={kindItems}
              chart={<DonutChart data={kindItemsOf(chartCounts)} />}
              chartHeight={donutChartHeight}
            />
            <OverviewCard
              title="Findings by severity"
              summary={
                findingsTotal === 0
                  ? `No findings${soFar}.`
                  : `${pluralize(findingsTotal, 'finding')} in ${pluralize(findings?.byClientId.size ?? 0, 'client')}${soFar}.`
              }
              listLabel="Findings by severity"
              items={severityItems}
              chart={<HorizontalBarChart data={severityItemsOf(chartCounts)} />}
              chartHeight={barChartHeight(severityItems.length)}
              footer={
                <Link component={RouterLink} to={toClients(new URLSearchParams({ severity: 'any' }))}>
                  Clients with findings
                </Link>
              }
            />
            <PolicyOverviewCard tab="login" counts={counts.byLoginPolicy} streaming={streaming} />
            <PolicyOverviewCard tab="token" counts={counts.byTokenPolicy} streaming={streaming} />
          </Box>
        </>
      )}

      {/* Last: it arrives with the history, after the cards, and would push them down if it were above. */}
      <ChangesSinceSnapshot />
    </Stack>
  );
}
