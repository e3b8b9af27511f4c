import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

export function ClientsPage() {
  useDocumentTitle('Clients');
  return (
    <Typography variant="h1" gutterBottom>
      Clients
    </Typography>
  );
}
