import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { monospaceFont } from '../../../lib/components/monospace.tsx';
import { splitRedirectUri } from '../utils/redirect-uri.ts';

function RedirectUri({ uri }: { uri: string }) {
  const parts = splitRedirectUri(uri);
  if (parts === null) {
    return (
      <Box component="span" sx={{ fontFamily: monospaceFont }}>
        {uri}{' '}
        <Typography component="span" variant="body2" color="error">
          (not a valid URI)
        </Typography>
      </Box>
    );
  }
  return (
    <Box component="span" sx={{ fontFamily: monospaceFont, fontSize: '0.9rem', overflowWrap: 'anywhere' }}>
      <Box
        component="span"
        sx={{ color: parts.scheme === 'https' ? 'text.secondary' : 'text.primary', fontWeight: 600 }}
      >
        {parts.scheme}
      </Box>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {parts.hasAuthority ? '://' : ':'}
      </Box>
      <Box component="span" sx={{ fontWeight: 700 }}>
        {parts.host}
      </Box>
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {parts.rest}
      </Box>
    </Box>
  );
}

export function RedirectUriList({ uris }: { uris: readonly string[] }) {
  if (uris.length === 0) {
    return <Typography color="textSecondary">This client has no redirect URI.</Typography>;
  }
  return (
    <List dense disablePadding aria-label="Redirect URIs">
      {uris.map((uri, index) => (
        <ListItem key={`${index}:${uri}`} disableGutters divider={index < uris.length - 1}>
          <RedirectUri uri={uri} />
        </ListItem>
      ))}
    </List>
  );
}
