import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useId } from 'react';
import { monospaceFont } from './monospace.tsx';

/** The resource exactly as the proxy returned it (secrets already redacted there), collapsed by default. */
export function RawJson({ value, title = 'Raw JSON' }: { value: unknown; title?: string }) {
  const id = useId();
  return (
    <Accordion variant="outlined" disableGutters slotProps={{ heading: { component: 'h2' } }}>
      {/* The id names the region that the details become (MUI labels it by the summary's id). */}
      <AccordionSummary expandIcon={<ExpandMoreIcon />} id={`${id}-summary`} aria-controls={`${id}-details`}>
        <Typography variant="h2" component="span">
          {title}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Box
          component="pre"
          // Focusable so that keyboard users can scroll a long document.
          tabIndex={0}
          sx={{
            m: 0,
            p: 2,
            overflow: 'auto',
            maxHeight: 480,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontFamily: monospaceFont,
            fontSize: '0.8rem',
          }}
        >
          {JSON.stringify(value, null, 2)}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
