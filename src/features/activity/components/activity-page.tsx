import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../../lib/components/query-error-alert.tsx';
import { PageHeading } from '../../../lib/components/page-heading.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { activityKinds, type ActivityKind } from '../../../identity-cloud/activity-kinds.ts';
import { activityQueryOptions } from '../api/activity-query.ts';

const kindLabels: Record<ActivityKind, string> = {
  'sign-in': 'Sign-in',
  'sign-out': 'Sign-out',
  refusal: 'Refusal',
  connection: 'Tenant connection',
  export: 'Export',
  snapshot: 'Snapshot',
  'risk-accepted': 'Risk accepted',
  'risk-revoked': 'Acceptance revoked',
};

function kindLabel(kind: string): string {
  return (kindLabels as Record<string, string | undefined>)[kind] ?? kind;
}

function isKind(value: string | null): value is ActivityKind {
  return value !== null && (activityKinds as readonly string[]).includes(value);
}

/** The access log: who signed in, was refused, connected a tenant, from where. Filters live in the URL. */
export function ActivityPage() {
  useDocumentTitle('Activity');
  const [search, setSearch] = useSearchParams();
  const user = search.get('user') ?? '';
  const kindParam = search.get('kind');
  const kind = isKind(kindParam) ? kindParam : '';
  const deferredUser = useDeferredValue(user);
  const activity = useQuery(activityQueryOptions({ user: deferredUser, kind }));

  const setFilter = (name: 'user' | 'kind', value: string) => {
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Stack spacing={2}>
      <PageHeading title="Activity">
        Sign-ins, sign-outs, refusals, tenant connections, exports and snapshots, newest first, with who and
        from which address.
      </PageHeading>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Person"
          size="small"
          value={user}
          onChange={(event) => setFilter('user', event.target.value)}
          helperText="Exactly as in the Person column"
        />
        <TextField
          select
          label="Kind"
          size="small"
          value={kind}
          onChange={(event) => setFilter('kind', event.target.value)}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">All kinds</MenuItem>
          {activityKinds.map((option) => (
            <MenuItem key={option} value={option}>
              {kindLabels[option]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {activity.isPending ? <LinearProgress aria-label="Loading the activity" /> : null}
      <QueryErrorAlert query={activity} resource="the activity" />
      {activity.data !== undefined ? (
        activity.data.length === 0 ? (
          <Typography>Nothing recorded{user !== '' || kind !== '' ? ' for this filter' : ' yet'}.</Typography>
        ) : (
          <TableContainer
            component={Paper}
            variant="outlined"
            // Keyboard users scroll it sideways on a narrow screen.
            tabIndex={0}
            role="region"
            aria-label="Activity log"
          >
            {/* Wider than a phone: the box scrolls sideways rather than squeezing the details into a column. */}
            <Table size="small" aria-label="Activity" sx={{ minWidth: 760 }}>
              <TableHead>
                <TableRow>
                  <TableCell>Time</TableCell>
                  <TableCell>Kind</TableCell>
                  <TableCell>Person</TableCell>
                  <TableCell>Address</TableCell>
                  <TableCell>Details</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {activity.data.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{new Date(event.at).toLocaleString()}</TableCell>
                    <TableCell>{kindLabel(event.kind)}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-all' }}>{event.user ?? '—'}</TableCell>
                    <TableCell>{event.address ?? '—'}</TableCell>
                    <TableCell sx={{ wordBreak: 'break-word', minWidth: 280 }}>
                      {[event.tenant, event.detail]
                        .filter((part) => part != null && part !== '')
                        .join(' · ') || '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )
      ) : null}
    </Stack>
  );
}
