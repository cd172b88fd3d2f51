import { useLocation } from '@remix-run/react';
import { useStickyMessage } from '@switchboard/ui';

/** A one-time confirmation ("Reply sent"), announced politely to screen readers. */
export function Flash({ message }: { message: string | null | undefined }) {
  // Stays until the customer navigates, even if a live update reloads the page's data.
  const shown = useStickyMessage(message, useLocation().key);
  if (!shown) return null;
  return (
    <p className="flash" data-testid="flash" role="status">
      {shown}
    </p>
  );
}

/** A problem with a whole form (not one field), announced at once. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" data-testid="error" role="alert">
      {message}
    </p>
  );
}
