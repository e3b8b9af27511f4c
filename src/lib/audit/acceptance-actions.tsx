import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AcceptedFinding } from '../../identity-cloud/audit/acceptance.ts';
import type { Finding } from '../../identity-cloud/findings/finding.ts';
import { ApiError } from '../api-client.ts';
import { AcceptRiskDialog } from './accept-risk-dialog.tsx';
import { acceptancesQueryOptions, useRevokeAcceptance } from './acceptances-query.ts';

function describeFinding(finding: Finding): string {
  const detail = finding.detail === undefined ? '' : ` (${finding.detail})`;
  return `${finding.title} on ${finding.subject.name}${detail}`;
}

/** "Accept risk…" on one finding: opens the dialog. Its name says which finding, for lists of many. */
export function AcceptRiskButton({ finding }: { finding: Finding }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-label={`Accept risk… ${describeFinding(finding)}`}
        sx={{ textTransform: 'none', px: 1, minWidth: 0 }}
      >
        Accept risk…
      </Button>
      {open ? <AcceptRiskDialog finding={finding} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** Revoke, for an acceptance kept by the dashboard; the policy file's are changed in the file, not here. */
export function RevokeAcceptanceButton({ entry }: { entry: AcceptedFinding }) {
  const revoke = useRevokeAcceptance();
  if (entry.acceptance.source !== 'store') return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Button
        size="small"
        variant="outlined"
        loading={revoke.isPending}
        onClick={() => revoke.mutate(entry.acceptance.id)}
        aria-label={`Revoke the acceptance of ${describeFinding(entry.finding)}`}
      >
        Revoke
      </Button>
      {revoke.error !== null ? (
        <Typography role="alert" variant="body2" color="error">
          {revoke.error.message}
        </Typography>
      ) : null}
    </Box>
  );
}

/** When the store cannot keep acceptances, the page says so once: its findings show as open. */
export function AcceptancesUnavailableAlert() {
  const { error } = useQuery(acceptancesQueryOptions());
  // Not connected is the page's own alert to give.
  if (error === null || (error instanceof ApiError && error.status === 401)) return null;
  return <Alert severity="info">{error.message}</Alert>;
}
