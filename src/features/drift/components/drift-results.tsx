import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { clientKindLabels } from '../../../identity-cloud/client-kind.ts';
import type { ClientDrift, DriftClientRef, InventoryDrift } from '../../../identity-cloud/drift.ts';
import { CountBadge } from '../../../lib/components/count-badge.tsx';
import { DividedList, DividedListItem } from '../../../lib/components/divided-list.tsx';
import { FieldChangeTable } from '../../../lib/components/field-change-table.tsx';
import { monospaceFont } from '../../../lib/components/monospace.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import { toClient } from '../../clients/routes.ts';
import type { DriftShow } from '../utils/drift-view.ts';
import { driftCounts } from '../utils/drift-view.ts';

/** Entries of a section shown before "Show all": a drift between two tenants can list thousands. */
export const initiallyShown = 100;

const showLabels: Record<DriftShow, string> = {
  all: 'All changes',
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  notCompared: 'Not compared',
};

function Section<T>({
  title,
  items,
  render,
}: {
  title: string;
  items: readonly T[];
  render: (items: readonly T[]) => ReactNode;
}) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, initiallyShown);
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h2" id={headingId} gutterBottom>
          {title} ({formatCount(items.length)})
        </Typography>
        {render(shown)}
        {shown.length < items.length ? (
          <Button size="small" sx={{ mt: 1 }} onClick={() => setExpanded(true)}>
            Show all {formatCount(items.length)}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Mono({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ fontFamily: monospaceFont, fontSize: '0.85em', overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  );
}

function ClientRefList({
  refs,
  linkToCurrent,
  label,
}: {
  refs: readonly DriftClientRef[];
  linkToCurrent: boolean;
  label: string;
}) {
  return (
    <DividedList label={label}>
      {refs.map((ref) => (
        <DividedListItem
          key={ref.id}
          sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'baseline', py: 0.75 }}
        >
          {linkToCurrent ? (
            <Link component={RouterLink} to={toClient({ clientId: ref.id })} underline="hover">
              {ref.name}
            </Link>
          ) : (
            <Typography component="span">{ref.name}</Typography>
          )}
          <Typography component="span" variant="body2" color="textSecondary">
            {ref.kind === null ? 'kind unknown' : clientKindLabels[ref.kind]}
          </Typography>
          <Typography component="span" variant="body2" color="textSecondary">
            <Mono>{ref.id}</Mono>
          </Typography>
        </DividedListItem>
      ))}
    </DividedList>
  );
}

function ChangedClient({ client }: { client: ClientDrift }) {
  return (
    <DividedListItem sx={{ py: 1.5 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'baseline', mb: 1 }}>
        <Link component={RouterLink} to={toClient({ clientId: client.currentId })} underline="hover">
          {client.name}
        </Link>
        <Typography component="span" variant="body2" color="textSecondary">
          {pluralize(client.changes.length, 'difference')}
          {client.baseId !== client.currentId ? (
            <>
              {' '}
              · base id <Mono>{client.baseId}</Mono>
            </>
          ) : null}
        </Typography>
      </Box>
      <FieldChangeTable changes={client.changes} label={`Differences of ${client.name}`} />
    </DividedListItem>
  );
}

interface DriftResultsProps {
  drift: InventoryDrift;
  show: DriftShow;
  onShowChange: (show: DriftShow) => void;
}

/** Added, removed, changed (field by field) and not compared, filterable by kind of change. */
export function DriftResults({ drift, show, onShowChange }: DriftResultsProps) {
  const counts = driftCounts(drift);
  const visible = (section: DriftShow) => show === 'all' || show === section;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600 }}>
          {counts.all === 0
            ? `No differences: ${pluralize(drift.unchanged, 'client')} unchanged.`
            : `${pluralize(counts.added + counts.removed + counts.changed, 'client')} differ; ${formatCount(drift.unchanged)} unchanged.`}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          aria-label="Show"
          value={show}
          onChange={(_event, next: DriftShow | null) => {
            if (next !== null) onShowChange(next);
          }}
          sx={{ flexWrap: 'wrap' }}
        >
          {(Object.keys(showLabels) as DriftShow[]).map((option) => (
            <ToggleButton key={option} value={option} sx={{ textTransform: 'none', px: 1.5 }}>
              <CountBadge label={showLabels[option]} count={counts[option]} />
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {visible('added') ? (
        <Section
          title="Added"
          items={drift.added}
          render={(refs) => <ClientRefList refs={refs} linkToCurrent label="Added clients" />}
        />
      ) : null}
      {visible('removed') ? (
        <Section
          title="Removed"
          items={drift.removed}
          render={(refs) => <ClientRefList refs={refs} linkToCurrent={false} label="Removed clients" />}
        />
      ) : null}
      {visible('changed') ? (
        <Section
          title="Changed"
          items={drift.changed}
          render={(clients) => (
            <DividedList label="Changed clients">
              {clients.map((client) => (
                <ChangedClient key={`${client.baseId}|${client.currentId}`} client={client} />
              ))}
            </DividedList>
          )}
        />
      ) : null}
      {visible('notCompared') ? (
        <Section
          title="Not compared"
          items={drift.notCompared}
          render={(clients) => (
            <Box component="ul" aria-label="Clients not compared" sx={{ m: 0, pl: 2.5 }}>
              {clients.map((client) => (
                <li key={`${client.baseId}|${client.currentId}`}>
                  {client.name}: {client.reason}
                </li>
              ))}
            </Box>
          )}
        />
      ) : null}
      {show !== 'all' && counts[show] === 0 ? (
        <Typography color="textSecondary">Nothing {showLabels[show].toLowerCase()}.</Typography>
      ) : null}
    </Stack>
  );
}
