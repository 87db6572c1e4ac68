import { useEffect } from 'react';

/** Sets the browser tab title (read first by screen readers on navigation): "Page · Pathlight". */
export function useTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} · Pathlight` : 'Pathlight';
  }, [page]);
}
