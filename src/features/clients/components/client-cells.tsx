import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Link as RouterLink, useLocation } from 'react-router';
import { ClientKindChip } from '../../../lib/components/client-kind-chip.tsx';
import { CopyButton } from '../../../lib/components/copy-button.tsx';
import { toClient } from '../../../lib/routes.ts';
import { useRetryInventoryClient } from '../api/retry-client.ts';
import type { ClientRow, PolicyReference } from '../utils/client-rows.ts';

/** Location state carried to a client's page, so its back link returns to the same filtered view. */
export interface ClientsListState {
  clientsSearch: string;
}

export function ClientNameCell({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  const location = useLocation();
  const state: ClientsListState = { clientsSearch: location.search };
  return (
    <Link
      component={RouterLink}
      to={toClient({ clientId: row.id })}
      state={state}
      tabIndex={tabIndex}
      underline="hover"
      sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis' }}
    >
      {row.name}
    </Link>
  );
}

function PendingCell() {
  return (
    <Box sx={{ width: '100%' }}>
      <Skeleton variant="text" width="70%" aria-hidden />
      <Box component="span" sx={visuallyHidden}>
        Loading
      </Box>
    </Box>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function RetryClientButton({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  const retry = useRetryInventoryClient();
  const label = `Retry loading ${row.name}`;
  return (
    <Tooltip title={retry.error instanceof Error ? `Retry failed: ${retry.error.message}` : label}>
      <span>
        <IconButton
          size="small"
          aria-label={label}
          tabIndex={tabIndex}
          disabled={retry.isPending}
          onClick={(event) => {
            event.stopPropagation();
            retry.mutate(row.id);
          }}
        >
          <RefreshIcon fontSize="inherit" />
        </IconButton>
      </span>
    </Tooltip>
  );
}

export function ClientKindCell({
  row,
  tabIndex,
  canRetry,
}: {
  row: ClientRow;
  tabIndex: number;
  canRetry: boolean;
}) {
  if (row.kind !== null) return <ClientKindChip kind={row.kind} tabIndex={tabIndex} />;
  if (row.status === 'failed' && row.failure !== null) {
    const reason = `Details failed (${row.failure.status}): ${row.failure.detail}`;
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0, height: '100%' }}>
        <Tooltip title={reason} describeChild>
          <Chip
            size="small"
            color="error"
            variant="outlined"
            icon={<ErrorOutlineIcon />}
            label={`Failed (${row.failure.status})`}
            tabIndex={tabIndex}
          />
        </Tooltip>
        {canRetry ? <RetryClientButton row={row} tabIndex={tabIndex} /> : null}
      </Box>
    );
  }
  return <PendingCell />;
}

export function ClientIdCell({ row, tabIndex }: { row: ClientRow; tabIndex: number }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0, height: '100%' }}>
      <Typography
        component="span"
        sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem' }}
        noWrap
      >
        {row.id}
      </Typography>
      <CopyButton value={row.id} label="client ID" tabIndex={tabIndex} />
    </Box>
  );
}

export function PolicyCell({
  row,
  policy,
  href,
  tabIndex,
}: {
  row: ClientRow;
  policy: PolicyReference | null;
  href: (policyId: string) => string;
  tabIndex: number;
}) {
  if (row.status === 'pending') return <PendingCell />;
  if (policy === null) {
    return (
      <Typography component="span" variant="inherit" color="text.secondary">
        <span aria-hidden>—</span>
        <Box component="span" sx={visuallyHidden}>
          None
        </Box>
      </Typography>
    );
  }
  if (policy.title === null) {
    const missing = policy.problem === 'missing';
    return (
      <Tooltip
        title={
          missing
            ? `The tenant has no policy ${policy.id}: a dangling reference`
            : `This policy (${policy.id}) could not be read`
        }
        describeChild
      >
        <Typography
          component="span"
          variant="inherit"
          color={missing ? 'error' : 'text.secondary'}
          sx={{ fontStyle: 'italic' }}
          tabIndex={tabIndex}
        >
          {missing ? 'Missing policy' : 'Title unavailable'}
        </Typography>
      </Tooltip>
    );
  }
  return (
    <Link component={RouterLink} to={href(policy.id)} tabIndex={tabIndex} underline="hover" noWrap>
      {policy.title}
    </Link>
  );
}

export function RedirectUrisCell({ row }: { row: ClientRow }) {
  if (row.status === 'pending') return <PendingCell />;
  if (row.status === 'failed') return null;
  const [first] = row.redirectUris;
  if (first === undefined) {
    return (
      <Typography component="span" variant="inherit" color="text.secondary">
        None
      </Typography>
    );
  }
  const more = row.redirectUriCount - 1;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, height: '100%' }}>
      <Typography component="span" variant="inherit" noWrap title={first}>
        {first}
      </Typography>
      {more > 0 ? (
        <Chip size="small" label={`+${more}`} aria-label={`and ${more} more`} sx={{ flexShrink: 0 }} />
      ) : null}
    </Box>
  );
}
