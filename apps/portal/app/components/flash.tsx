/** A one-time confirmation ("Reply sent"), announced politely to screen readers. */
export function Flash({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="flash" data-testid="flash" role="status">
      {message}
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
