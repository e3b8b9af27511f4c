import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

export function ClientPage() {
  useDocumentTitle('Client');
  return (
    <Typography variant="h1" gutterBottom>
      Client
    </Typography>
  );
}
