import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import type { FindingSubject } from '../../../identity-cloud/findings/finding.ts';
import { toClient } from '../../clients/routes.ts';
import { toLoginPolicy, toTokenPolicy } from '../../policies/routes.ts';

export const subjectKindLabels: Record<FindingSubject['kind'], string> = {
  client: 'Client',
  loginPolicy: 'Login policy',
  tokenPolicy: 'Token policy',
};

export function subjectPath(subject: FindingSubject): string {
  if (subject.kind === 'client') return toClient({ clientId: subject.id });
  if (subject.kind === 'loginPolicy') return toLoginPolicy({ policyId: subject.id });
  return toTokenPolicy({ policyId: subject.id });
}

/** The client or policy a finding is about, linking to its page. */
export function FindingSubjectLink({ subject }: { subject: FindingSubject }) {
  return (
    <Link component={RouterLink} to={subjectPath(subject)} underline="hover" sx={{ fontWeight: 500 }}>
      {subject.name}
    </Link>
  );
}
