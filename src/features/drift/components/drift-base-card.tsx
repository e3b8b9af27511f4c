import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { FieldList } from '../../../lib/components/field-list.tsx';
import { Monospace } from '../../../lib/components/monospace.tsx';
import { formatDateTime, pluralize } from '../../../lib/format/format.ts';
import type { DriftBase } from '../hooks/drift-base-store.ts';

interface DriftBaseCardProps {
  base: DriftBase;
  /** The tenant connected now, to say whether the base is another one. */
  currentCustomerId: string | undefined;
  onClear: () => void;
  /** "Base", or "Compared with" for the second of two stored snapshots. */
  title?: string;
  clearLabel?: string;
}

const sourceLabels: Record<DriftBase['source'], string> = {
  file: 'Snapshot file',
  pinned: 'Kept in memory',
  history: 'Stored in the history',
};

/** What the current inventory is being compared with, and what to keep in mind about it. */
export function DriftBaseCard({
  base,
  currentCustomerId,
  onClear,
  title = 'Base',
  clearLabel = 'Choose another base',
}: DriftBaseCardProps) {
  const headingId = useId();
  const otherTenant = currentCustomerId !== undefined && base.customerId !== currentCustomerId;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack spacing={1.5}>
          <Typography variant="h2" id={headingId}>
            {title}
          </Typography>
          <FieldList
            items={[
              {
                label: sourceLabels[base.source],
                value: base.name,
              },
              { label: 'Customer ID', value: <Monospace>{base.customerId}</Monospace> },
              { label: 'Identity domain', value: <Monospace>{base.identityDomain}</Monospace> },
              {
                label: base.source === 'file' ? 'Exported' : 'Taken',
                value: Number.isNaN(base.takenAt.getTime()) ? 'Unknown' : formatDateTime(base.takenAt),
              },
              { label: 'Clients', value: pluralize(base.inventory.summaries.length, 'client') },
            ]}
          />
          {otherTenant ? (
            <Alert severity="info">
              The base is another tenant than the one connected: clients are best matched by name (their ids
              differ between tenants), and policies are compared by title.
            </Alert>
          ) : null}
          {base.scope === 'view' ? (
            <Alert severity="warning">
              This snapshot holds only a filtered view of its tenant: clients outside that view show as added.
            </Alert>
          ) : null}
          {base.incomplete ? (
            <Alert severity="warning">
              The base was taken before every client’s details were loaded: those clients are listed as not
              compared.
            </Alert>
          ) : null}
          <div>
            <Button variant="outlined" onClick={onClear}>
              {clearLabel}
            </Button>
          </div>
        </Stack>
      </CardContent>
    </Card>
  );
}
