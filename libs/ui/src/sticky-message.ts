import { useEffect, useState } from 'react';

/**
 * Keeps a one-time message (a flash) on screen until the reader navigates: the loader hands it out
 * once, and a revalidation of the same page (a live update caused by someone else) must not make it
 * vanish. `locationKey` is the router's key of the current navigation (Remix `useLocation().key`).
 */
export function useStickyMessage<T>(message: T | null | undefined, locationKey: string): T | null {
  const [kept, setKept] = useState<{ key: string; message: T } | null>(message ? { key: locationKey, message } : null);
  useEffect(() => {
    if (message) setKept({ key: locationKey, message });
  }, [message, locationKey]);
  return message ?? (kept && kept.key === locationKey ? kept.message : null);
}
