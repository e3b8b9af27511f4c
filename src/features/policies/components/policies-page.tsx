import Typography from '@mui/material/Typography';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

export function PoliciesPage() {
  useDocumentTitle('Policies');
  return (
    <Typography variant="h1" gutterBottom>
      Policies
    </Typography>
  );
}
