import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { FindingList } from '../../../lib/components/finding-list.tsx';
import { useInventoryFindings } from '../../../lib/inventory/use-inventory-findings.ts';
import type { PolicyTab } from '../routes.ts';

/** The policy's findings (unused, refresh tokens living too long), when it has any. */
export function PolicyFindings({ kind, policyId }: { kind: PolicyTab; policyId: string }) {
  const headingId = useId();
  const { evaluated } = useInventoryFindings();
  const byPolicy =
    kind === 'login' ? evaluated?.findings.byLoginPolicyId : evaluated?.findings.byTokenPolicyId;
  const findings = byPolicy?.get(policyId);
  if (findings === undefined || findings.length === 0) return null;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          Findings ({findings.length})
        </Typography>
        <FindingList findings={findings} label="Findings of this policy" />
      </CardContent>
    </Card>
  );
}
