import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { preloadRoutes } from './declarative-routes.tsx';
import { AppProvider } from './provider.tsx';
import { AppRoutes, routes } from './router.tsx';
import { reloadWhenAChunkFails } from '../lib/session/session-end.ts';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks the #root element');

// The page's Content-Security-Policy forbids eval, so zod cannot compile its parsers here anyway; without
// `jitless` it still probes with `new Function`, which the browser reports as a CSP violation. zod reads this
// global when it loads (in the lazy chunks that parse), so the first page does not load zod to configure it.
const zodHolder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodHolder.__zod_globalConfig = { ...zodHolder.__zod_globalConfig, jitless: true };

preloadRoutes(routes, window.location.pathname);
reloadWhenAChunkFails();

const root = createRoot(container);
// As a transition, the first render is done in slices between which the browser paints and answers input, not
// in one long task: the page the server drew is on screen meanwhile.
startTransition(() => {
  root.render(
    <StrictMode>
      <AppProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProvider>
    </StrictMode>,
  );
});
