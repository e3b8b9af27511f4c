import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { useQuery } from '@tanstack/react-query';
import { formatPolicyError } from '../../identity-cloud/audit/read-audit-policy.ts';
import { auditPolicyQueryOptions } from './audit-policy-query.ts';

/** Says why the audit policy file on the server was refused, and what is in force instead. */
export function AuditPolicyBanner() {
  const { data } = useQuery(auditPolicyQueryOptions());
  if (data?.status !== 'invalid') return null;
  const kept =
    data.policy === null
      ? 'No audit policy is in force: the findings use the generic rules only.'
      : 'The previous version of the policy stays in force until the file is fixed.';
  return (
    <Alert severity="warning" sx={{ mb: 2 }}>
      <AlertTitle>The audit policy file {data.file ?? ''} was refused</AlertTitle>
      {kept} Fix the file; the server reads it again as soon as it changes.
      <Box component="ul" sx={{ m: 0, mt: 1, pl: 3, fontFamily: 'monospace', fontSize: '0.85rem' }}>
        {data.errors.map((error) => (
          <li key={`${error.line}:${error.column}:${error.field}`}>{formatPolicyError(error)}</li>
        ))}
      </Box>
    </Alert>
  );
}
