import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '../shared/styles.css';
import './app/shell.css';
import { routes } from './app/routes.tsx';
import { AnnouncerProvider } from './ui/announcer.tsx';

const router = createBrowserRouter(routes);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AnnouncerProvider>
      <RouterProvider router={router} />
    </AnnouncerProvider>
  </StrictMode>,
);
