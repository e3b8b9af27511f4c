import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import type { AcceptanceRequest } from '../../identity-cloud/audit/stored-acceptance.ts';
import {
  acceptanceTextLimit,
  checkAcceptanceRequest,
  defaultExpiry,
  latestExpiry,
  utcDay,
} from '../../identity-cloud/audit/stored-acceptance.ts';
import type { Finding } from '../../identity-cloud/findings/finding.ts';
import { ApiError } from '../api-client.ts';
import { monospaceFont } from '../components/monospace.tsx';
import { signedInUserQueryOptions } from '../session/signed-in-user.ts';
import { useCreateAcceptance } from './acceptances-query.ts';

type Field = 'reason' | 'owner' | 'expires';
type FieldErrors = Partial<Record<Field, string>>;

const fieldNames: Record<Field, string> = { reason: 'Reason', owner: 'Owner', expires: 'Accepted until' };

function fieldErrorsOf(errors: readonly { field: string; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    if (error.field === 'reason' || error.field === 'owner' || error.field === 'expires') {
      result[error.field] ??= error.message;
    }
  }
  return result;
}

/** The sentence under a field: "Accepted until must not be in the past", or the message as it stands. */
function shownError(field: Field, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  return /^[A-Z]/.test(message) ? message : `${fieldNames[field]} ${message}.`;
}

/**
 * Accepting one finding's risk: why (required), who owns it (the signed-in person when there is sign-in), and until
 * when (at most a year). Kept in the dashboard's store; a failure is said here, in a sentence.
 */
export function AcceptRiskDialog({ finding, onClose }: { finding: Finding; onClose: () => void }) {
  const titleId = useId();
  const today = utcDay(new Date());
  const latest = latestExpiry(today);
  const user = useQuery(signedInUserQueryOptions()).data;
  const signedIn = user !== undefined && user.mode !== 'none' && user.displayName !== null;
  const [reason, setReason] = useState('');
  const [owner, setOwner] = useState('');
  const [expires, setExpires] = useState(defaultExpiry(today));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateAcceptance();
  // A field's sentence goes once it is edited; the next submit checks again.
  const clearError = (field: Field) => {
    setErrors((previous) => {
      if (previous[field] === undefined) return previous;
      return Object.fromEntries(Object.entries(previous).filter(([name]) => name !== field));
    });
  };

  // A field's label, value and sentence (its error, or else its hint); editing it clears its error.
  const fieldProps = (field: Field, value: string, setValue: (value: string) => void, hint: string) => ({
    label: fieldNames[field],
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setValue(event.target.value);
      clearError(field);
    },
    error: errors[field] !== undefined,
    helperText: shownError(field, errors[field]) ?? hint,
  });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const request: AcceptanceRequest = {
      rule: finding.ruleId,
      clientId: finding.subject.id,
      clientName: finding.subject.name,
      value: finding.detail ?? null,
      reason,
      expires,
      ...(signedIn ? {} : { owner }),
    };
    const checked = checkAcceptanceRequest(request, { today, ownerRequired: !signedIn });
    if (!checked.ok) {
      setErrors(fieldErrorsOf(checked.errors));
      return;
    }
    setErrors({});
    create.mutate(request, {
      onSuccess: onClose,
      onError: (error) => {
        if (error instanceof ApiError) setErrors(fieldErrorsOf(error.fieldErrors));
      },
    });
  };

  const failure =
    create.error === null
      ? null
      : create.error instanceof ApiError && create.error.fieldErrors.length > 0
        ? null
        : create.error instanceof Error
          ? create.error.message
          : 'The acceptance could not be recorded.';

  return (
    <Dialog
      open
      onClose={create.isPending ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Accept risk</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <div>
              <Typography sx={{ fontWeight: 600 }}>{finding.title}</Typography>
              <Typography variant="body2" color="textSecondary">
                {finding.subject.name}
              </Typography>
              {finding.detail !== undefined ? (
                <Typography variant="body2" sx={{ fontFamily: monospaceFont, overflowWrap: 'anywhere' }}>
                  {finding.detail}
                </Typography>
              ) : null}
              <Typography variant="body2" color="textSecondary" sx={{ mt: 1 }}>
                The finding stops counting as open until the date below, or until what it matched changes.
              </Typography>
            </div>
            {failure !== null ? <Alert severity="error">{failure}</Alert> : null}
            <TextField
              required
              multiline
              minRows={2}
              {...fieldProps(
                'reason',
                reason,
                setReason,
                'Why the risk is acceptable, for whoever looks next.',
              )}
              slotProps={{ htmlInput: { maxLength: acceptanceTextLimit } }}
              autoFocus
            />
            <TextField
              required={!signedIn}
              {...fieldProps(
                'owner',
                signedIn ? (user.displayName ?? '') : owner,
                setOwner,
                signedIn ? 'You: the signed-in person owns what they accept.' : 'Who answers for this risk.',
              )}
              disabled={signedIn}
              slotProps={{ htmlInput: { maxLength: acceptanceTextLimit } }}
            />
            <TextField
              type="date"
              required
              {...fieldProps(
                'expires',
                expires,
                setExpires,
                `The last day it holds; ${latest} at the latest.`,
              )}
              slotProps={{ htmlInput: { min: today, max: latest }, inputLabel: { shrink: true } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" loading={create.isPending}>
            Accept risk
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
