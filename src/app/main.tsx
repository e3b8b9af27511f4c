import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { preloadRoutes } from './declarative-routes.tsx';
import { AppProvider } from './provider.tsx';
import { AppRoutes, routes } from './router.tsx';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html lacks the #root element');

preloadRoutes(routes, window.location.pathname);

createRoot(container).render(
  <StrictMode>
    <AppProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProvider>
  </StrictMode>,
);
