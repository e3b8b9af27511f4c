import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Severity } from '../../../identity-cloud/findings/finding.ts';
import { severities, severityLabels } from '../../../identity-cloud/findings/finding.ts';
import type { FindingsLimitation } from '../../../identity-cloud/findings/evaluate-inventory.ts';
import { ruleCatalogue } from '../../../identity-cloud/findings/rule-catalogue.ts';
import { findingsShell } from '../../../identity-cloud/page-shells.ts';
import { freshClientCount } from '../../../identity-cloud/inventory.ts';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { CountFilter } from '../../../lib/components/count-filter.tsx';
import { SeverityChip } from '../../../lib/components/severity-chip.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import { InventoryErrorAlert } from '../../../lib/inventory/inventory-error-alert.tsx';
import { StreamStatusLine } from '../../../lib/inventory/stream-status-line.tsx';
import {
  AcceptancesUnavailableAlert,
  RevokeAcceptanceButton,
} from '../../../lib/audit/acceptance-actions.tsx';
import { AcceptedFindingList } from '../../../lib/audit/accepted-findings.tsx';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import type { SeverityGroup } from '../utils/group-findings.ts';
import { groupFindings, parseSeverityParam } from '../utils/group-findings.ts';
import { subjectPath } from './finding-subject-link.tsx';
import { RuleGroupCard } from './rule-group-card.tsx';

/** What could not be checked, said plainly: an empty list must never read as "all clear" when it is not. */
function Limitations({ limitations }: { limitations: readonly FindingsLimitation[] }) {
  if (limitations.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Not everything could be checked</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {limitations.map((limitation) => (
          <li key={limitation.reason}>
            {limitation.reason}{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              Rules affected: {limitation.ruleIds.map((id) => ruleCatalogue[id].title).join('; ')}.
            </Box>
          </li>
        ))}
      </Box>
    </Alert>
  );
}

/** How far the check is while details arrive, then how many clients were checked. */
function checkingText(
  streaming: boolean,
  detailed: number | null,
  total: number | null,
  checked: number | null,
): string {
  if (streaming) {
    return total !== null && detailed !== null
      ? `Checking details: ${formatCount(detailed)} of ${formatCount(total)} clients…`
      : (findingsShell.status ?? '');
  }
  return checked === null ? '' : `${pluralize(checked, 'client')} checked.`;
}

function SeveritySection({ group }: { group: SeverityGroup }) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography
        variant="h2"
        id={headingId}
        sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1.5 }}
      >
        <SeverityChip severity={group.severity} size="medium" />
        <span>{pluralize(group.count, `${severityLabels[group.severity].toLowerCase()} finding`)}</span>
      </Typography>
      <Stack spacing={2}>
        {group.rules.map((rule) => (
          <RuleGroupCard key={rule.rule.id} group={rule} />
        ))}
      </Stack>
    </Box>
  );
}

/** Every finding of the tenant, grouped by severity then rule, each linking to its client or policy. */
export function FindingsPage() {
  useDocumentTitle('Findings');
  const { inventory, snapshot, streaming, evaluated } = useInventoryFindings();
  const [params, setParams] = useSearchParams();
  const only = parseSeverityParam(params.get('severity'));
  const findings = evaluated?.findings;
  const groups = useMemo(
    () => (findings === undefined ? [] : groupFindings(findings.all, only)),
    [findings, only],
  );

  const setSeverity = (severity: Severity | null) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (severity === null) next.delete('severity');
      else next.set('severity', severity);
      return next;
    });
  };

  const detailed = snapshot === undefined ? null : freshClientCount(snapshot.inventory);
  const total = snapshot?.inventory.total ?? null;
  const subjects = findings
    ? {
        clients: findings.byClientId.size,
        policies: findings.byLoginPolicyId.size + findings.byTokenPolicyId.size,
      }
    : null;

  return (
    <Stack spacing={3}>
      <PageHeading title={findingsShell.heading}>{findingsShell.lead}</PageHeading>

      <StreamStatusLine
        active={streaming}
        progressLabel="Checking the inventory"
        {...(detailed !== null && total !== null && total > 0
          ? { value: Math.min(100, (detailed / total) * 100) }
          : {})}
        text={checkingText(streaming, detailed, total, evaluated?.inventory.clientsById.size ?? null)}
      />

      <InventoryErrorAlert inventory={inventory} />

      {findings === undefined ? (
        inventory.error === null ? (
          <Skeleton variant="rounded" height={240} aria-hidden />
        ) : null
      ) : (
        <>
          {/* While the stream runs, the status line says what is still being checked; an alert here would
              vanish when the details are in and pull everything below it up. */}
          {streaming ? null : <Limitations limitations={findings.limitations} />}
          <AcceptancesUnavailableAlert />
          <Box>
            <Typography sx={{ fontWeight: 600 }}>
              {pluralize(findings.all.length, 'finding')}
              {subjects !== null
                ? ` in ${pluralize(subjects.clients, 'client')} and ${pluralize(subjects.policies, 'policy', 'policies')}`
                : ''}
            </Typography>
            {/* Its buttons widen as their counts grow, moving one another, and beside the line above it would
                re-centre that line: it comes with the sections, under it. */}
            {streaming ? null : (
              <Box sx={{ mt: 1 }}>
                <CountFilter
                  label="Severity"
                  values={severities}
                  labels={severityLabels}
                  value={only}
                  counts={findings.countsBySeverity}
                  onChange={setSeverity}
                />
              </Box>
            )}
          </Box>
          {streaming ? (
            // The sections, sorted worst first, would grow and push one another down with every evaluation:
            // they show at once when every client is checked (the counts above grow meanwhile).
            <Skeleton variant="rounded" height={240} aria-hidden />
          ) : groups.length === 0 ? (
            <Alert severity={findings.limitations.length === 0 ? 'success' : 'info'}>
              {only !== null
                ? `No ${severityLabels[only].toLowerCase()} finding.`
                : findings.limitations.length === 0
                  ? 'No findings: every rule was checked on every client and policy.'
                  : 'No findings among what could be checked.'}
            </Alert>
          ) : (
            groups.map((group) => <SeveritySection key={group.severity} group={group} />)
          )}
          {!streaming && findings.accepted.length > 0 ? (
            <Box component="section" aria-labelledby="accepted-findings-heading">
              <Typography variant="h2" id="accepted-findings-heading" gutterBottom>
                Accepted ({findings.accepted.length})
              </Typography>
              <Typography color="textSecondary" sx={{ mb: 1 }}>
                Reviewed risks, counted as open nowhere until they expire or what they matched changes.
              </Typography>
              <AcceptedFindingList
                accepted={findings.accepted}
                label="Accepted findings"
                subjectPath={subjectPath}
                actions={(entry) => <RevokeAcceptanceButton entry={entry} />}
              />
            </Box>
          ) : null}
        </>
      )}
    </Stack>
  );
}
