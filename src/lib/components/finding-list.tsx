import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Finding } from '../../identity-cloud/findings/finding.ts';
import { findingKey } from '../../identity-cloud/findings/finding.ts';
import { ruleCatalogue } from '../../identity-cloud/findings/rule-catalogue.ts';
import { monospaceFont } from './monospace.tsx';
import { SeverityChip } from './severity-chip.tsx';

/**
 * A finding's first lines, as every list of findings shows them: its severity and title (then `children`, e.g. a
 * link to its subject), and what matched.
 */
export function FindingHeading({ finding, children }: { finding: Finding; children?: ReactNode }) {
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.5 }}>
        <SeverityChip severity={finding.severity} />
        <Typography component="span" sx={{ fontWeight: 600 }}>
          {finding.title}
        </Typography>
        {children}
      </Box>
      {finding.detail !== undefined ? (
        <Typography
          component="div"
          variant="body2"
          sx={{ fontFamily: monospaceFont, overflowWrap: 'anywhere', mb: 0.5 }}
        >
          {finding.detail}
        </Typography>
      ) : null}
    </>
  );
}

/**
 * One subject's findings, worst first, each with what matched, why it matters and what to do: what a client's or a
 * policy's page shows.
 */
export function FindingList({
  findings,
  label,
  actions,
}: {
  findings: readonly Finding[];
  label: string;
  /** What may be done with one (Accept risk…). */
  actions?: (finding: Finding) => ReactNode;
}) {
  return (
    <List disablePadding aria-label={label}>
      {findings.map((finding, index) => {
        const reference = ruleCatalogue[finding.ruleId].reference;
        return (
          <ListItem
            key={findingKey(finding)}
            disableGutters
            divider={index < findings.length - 1}
            sx={{ display: 'block', py: 1.5 }}
          >
            <FindingHeading finding={finding} />
            <Typography variant="body2" color="text.secondary">
              {finding.explanation}
            </Typography>
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              <Box component="span" sx={{ fontWeight: 600 }}>
                What to do:
              </Box>{' '}
              {finding.recommendation}
              {reference !== undefined ? ` (${reference})` : ''}
            </Typography>
            {actions ? <Box sx={{ mt: 0.5, ml: -1 }}>{actions(finding)}</Box> : null}
          </ListItem>
        );
      })}
    </List>
  );
}
