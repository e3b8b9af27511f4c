import { useEffect } from 'react';

export const productName = 'Client Inventory';

export function useDocumentTitle(pageTitle: string): void {
  useEffect(() => {
    document.title = `${pageTitle} · ${productName} · Akamai Identity Cloud`;
  }, [pageTitle]);
}
