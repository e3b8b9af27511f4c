import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { SystemStyleObject } from '@mui/system';
import type { Theme } from '@mui/material/styles';
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
      <FindingDetail detail={finding.detail} component="div" sx={{ mb: 0.5 }} />
    </>
  );
}

/** What a finding matched (a URI, a setting), as it is written: nothing when the rule names no detail. */
export function FindingDetail({
  detail,
  component,
  sx,
}: {
  detail: string | undefined;
  component: 'div' | 'span';
  sx: SystemStyleObject<Theme>;
}) {
  if (detail === undefined) return null;
  return (
    <Typography
      component={component}
      variant="body2"
      sx={{ fontFamily: monospaceFont, overflowWrap: 'anywhere', ...sx }}
    >
      {detail}
    </Typography>
  );
}

/** A rule's advice, "What to do: …", with its reference when it has one (then `children`, e.g. the rule's id). */
export function WhatToDo({
  recommendation,
  reference,
  sx,
  children,
}: {
  recommendation: string;
  reference: string | undefined;
  sx: SystemStyleObject<Theme>;
  children?: ReactNode;
}) {
  return (
    <Typography variant="body2" sx={sx}>
      <Box component="span" sx={{ fontWeight: 600 }}>
        What to do:
      </Box>{' '}
      {recommendation}
      {reference !== undefined ? ` (${reference})` : ''}
      {children}
    </Typography>
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
      {findings.map((finding, index) => (
        <ListItem
          key={findingKey(finding)}
          disableGutters
          divider={index < findings.length - 1}
          sx={{ display: 'block', py: 1.5 }}
        >
          <FindingHeading finding={finding} />
          <Typography variant="body2" color="textSecondary">
            {finding.explanation}
          </Typography>
          <WhatToDo
            recommendation={finding.recommendation}
            reference={ruleCatalogue[finding.ruleId].reference}
            sx={{ mt: 0.5 }}
          />
          {actions ? <Box sx={{ mt: 0.5, ml: -1 }}>{actions(finding)}</Box> : null}
        </ListItem>
      ))}
    </List>
  );
}
