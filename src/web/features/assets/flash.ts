import { useEffect, useState } from 'react';

/**
 * A confirmation carried from one page to the next (registered → the new record): kept in memory, not in the
 * URL, so a reload or a shared link does not announce it again.
 */
const pending = new Map<string, string>();

/** Leaves a message for the page that shows `key` next. */
export function leaveFlash(key: string, text: string): void {
  pending.set(key, text);
}

/** The message left for this page, if any; it is shown once. */
export function useFlash(key: string): string | null {
  // Read on the first render and forget in an effect: React may render twice before committing.
  const [text] = useState(() => pending.get(key) ?? null);
  useEffect(() => {
    pending.delete(key);
  }, [key]);
  return text;
}
