import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Acceptance, AcceptedFinding } from '../../identity-cloud/audit/acceptance.ts';
import { findingKey } from '../../identity-cloud/findings/finding.ts';
import type { FindingSubject } from '../../identity-cloud/findings/finding.ts';
import { FindingHeading } from '../components/finding-list.tsx';

function acceptedBy(acceptance: Acceptance): string {
  if (acceptance.source === 'policy-file') return 'accepted in idc-audit.yaml';
  const when = acceptance.acceptedAt === undefined ? '' : ` on ${acceptance.acceptedAt.slice(0, 10)}`;
  // Without sign-in nobody is known to have recorded it: the owner is what was typed, not a signature.
  return acceptance.acceptedBy === undefined
    ? `accepted in the dashboard${when}`
    : `accepted by ${acceptance.acceptedBy}${when}`;
}

/**
 * Findings set apart because someone accepted the risk: who, why and until when. `actions` renders what may be
 * done with one (Revoke, for the dashboard's own acceptances).
 */
export function AcceptedFindingList({
  accepted,
  label,
  subjectPath,
  actions,
}: {
  accepted: readonly AcceptedFinding[];
  label: string;
  /** Where a finding's client or policy lives: given, each entry names its subject with a link there. */
  subjectPath?: (subject: FindingSubject) => string;
  actions?: (entry: AcceptedFinding) => ReactNode;
}) {
  return (
    <List disablePadding aria-label={label}>
      {accepted.map((entry, index) => {
        const { finding, acceptance } = entry;
        return (
          <ListItem
            key={`${findingKey(finding)}|${acceptance.id}`}
            disableGutters
            divider={index < accepted.length - 1}
            sx={{ display: 'block', py: 1.5 }}
          >
            <FindingHeading finding={finding}>
              {subjectPath !== undefined ? (
                <Link component={RouterLink} to={subjectPath(finding.subject)} underline="hover">
                  {finding.subject.name}
                </Link>
              ) : null}
            </FindingHeading>
            <Typography variant="body2">
              <strong>Why accepted:</strong> {acceptance.reason}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {acceptedBy(acceptance)}; owner {acceptance.owner}; until {acceptance.expires}
            </Typography>
            {actions ? <Box sx={{ mt: 1 }}>{actions(entry)}</Box> : null}
          </ListItem>
        );
      })}
    </List>
  );
}
