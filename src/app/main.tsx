import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProvider } from './provider.tsx';
import { router } from './router.tsx';
import { reloadWhenAChunkFails } from '../lib/session/session-end.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks the #root element');

reloadWhenAChunkFails(() => {
  const pending = router.state.navigation.location;
  return pending ? pending.pathname + pending.search : null;
});

createRoot(container).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
