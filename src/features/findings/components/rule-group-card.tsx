import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { findingKey } from '../../../identity-cloud/findings/finding.ts';
import { AcceptRiskButton } from '../../../lib/audit/acceptance-actions.tsx';
import { FindingDetail, WhatToDo } from '../../../lib/components/finding-list.tsx';
import { monospaceFont } from '../../../lib/components/monospace.tsx';
import { formatCount, pluralize } from '../../../lib/format/format.ts';
import type { RuleGroup } from '../utils/group-findings.ts';
import { FindingSubjectLink, subjectKindLabels } from './finding-subject-link.tsx';

/** How many findings of a rule show before "Show all": a rule can match thousands of clients. */
export const initiallyShown = 20;

/** One rule: what it checks, why and what to do (once), then every client or policy it matched. */
export function RuleGroupCard({ group }: { group: RuleGroup }) {
  const { rule, findings } = group;
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? findings : findings.slice(0, initiallyShown);
  const hidden = findings.length - shown.length;
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Typography variant="h3" id={headingId} gutterBottom>
          {rule.title}{' '}
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
            ({formatCount(findings.length)})
          </Box>
        </Typography>
        <Typography variant="body2" color="textSecondary" sx={{ mb: 0.5 }}>
          {rule.explanation}
        </Typography>
        <WhatToDo recommendation={rule.recommendation} reference={rule.reference} sx={{ mb: 1.5 }}>
          {' '}
          <Box
            component="span"
            sx={{ color: 'text.secondary', fontFamily: monospaceFont, fontSize: '0.8rem' }}
          >
            {rule.id}
          </Box>
        </WhatToDo>
        <Box
          component="ul"
          aria-label={`Matches of “${rule.title}”`}
          sx={{ m: 0, pl: 0, listStyle: 'none', borderTop: 1, borderColor: 'divider' }}
        >
          {shown.map((finding) => (
            <Box
              component="li"
              key={findingKey(finding)}
              sx={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'baseline',
                columnGap: 1.5,
                py: 0.75,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              <FindingSubjectLink subject={finding.subject} />
              {finding.subject.kind !== 'client' ? (
                <Typography component="span" variant="body2" color="textSecondary">
                  {subjectKindLabels[finding.subject.kind]}
                </Typography>
              ) : null}
              <FindingDetail detail={finding.detail} component="span" sx={{ minWidth: 0 }} />
              <Box component="span" sx={{ ml: 'auto' }}>
                <AcceptRiskButton finding={finding} />
              </Box>
            </Box>
          ))}
        </Box>
        {hidden > 0 ? (
          <Button size="small" sx={{ mt: 1 }} onClick={() => setExpanded(true)}>
            Show all {pluralize(findings.length, 'match', 'matches')}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
