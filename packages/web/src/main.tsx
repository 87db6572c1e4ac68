import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';

// Placeholder entry: the app shell replaces this.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>Pathlight</main>
  </StrictMode>,
);
