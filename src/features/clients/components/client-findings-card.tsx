import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  AcceptancesUnavailableAlert,
  AcceptRiskButton,
  RevokeAcceptanceButton,
} from '../../../lib/audit/acceptance-actions.tsx';
import { AcceptedFindingList } from '../../../lib/audit/accepted-findings.tsx';
import { FindingList } from '../../../lib/components/finding-list.tsx';
import { wasChecked } from '../../../lib/inventory/inventory-findings.ts';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import { toFindings } from '../../findings/routes.ts';

/** The client's findings from the inventory's evaluation: severity, what matched, why, and what to do. */
export function ClientFindingsCard({ clientId }: { clientId: string }) {
  const headingId = useId();
  const { inventory, evaluated } = useInventoryFindings();
  const findings = evaluated?.findings.byClientId.get(clientId) ?? [];
  const accepted =
    evaluated?.findings.accepted.filter(
      (entry) => entry.finding.subject.kind === 'client' && entry.finding.subject.id === clientId,
    ) ?? [];
  const checked = evaluated !== undefined && wasChecked(evaluated, clientId);

  let body: ReactNode;
  if (checked && findings.length > 0) {
    body = (
      <FindingList
        findings={findings}
        label="Findings of this client"
        actions={(finding) => <AcceptRiskButton finding={finding} />}
      />
    );
  } else if (checked && accepted.length > 0) {
    body = (
      <Typography color="textSecondary">No open findings: every risk found here was accepted.</Typography>
    );
  } else if (checked) {
    body = (
      <Typography color="textSecondary">
        No findings: none of the{' '}
        <Link component={RouterLink} to={toFindings()}>
          rules
        </Link>{' '}
        matched this client.
      </Typography>
    );
  } else if (inventory.isFetching) {
    body = (
      <>
        <Skeleton width="60%" aria-hidden />
        <Typography variant="body2" color="textSecondary">
          Checking once the inventory has this client’s details…
        </Typography>
      </>
    );
  } else {
    body = (
      <Typography color="textSecondary">
        Not checked: the inventory did not include this client’s details. Refresh the clients list to check
        it.
      </Typography>
    );
  }
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          Findings{checked ? ` (${findings.length})` : ''}
        </Typography>
        <AcceptancesUnavailableAlert />
        {body}
        {checked && accepted.length > 0 ? (
          <>
            <Typography variant="h3" sx={{ mt: 2, mb: 0.5, fontSize: '1.05rem', fontWeight: 600 }}>
              Accepted ({accepted.length})
            </Typography>
            <AcceptedFindingList
              accepted={accepted}
              label="Accepted findings of this client"
              actions={(entry) => <RevokeAcceptanceButton entry={entry} />}
            />
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
