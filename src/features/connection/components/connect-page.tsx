import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

export function ConnectPage() {
  useDocumentTitle('Connection');
  return (
    <Typography variant="h1" gutterBottom>
      Connection
    </Typography>
  );
}
