import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { toClients } from '../features/clients/routes.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <Box sx={{ py: 6, textAlign: 'center' }}>
      <Typography variant="h1" gutterBottom>
        Page not found
      </Typography>
      <Typography color="textSecondary" sx={{ mb: 3 }}>
        There is no page at this address. It may have moved, or the link may be mistyped.
      </Typography>
      <Button variant="contained" component={RouterLink} to={toClients()}>
        Go to the clients
      </Button>
    </Box>
  );
}
