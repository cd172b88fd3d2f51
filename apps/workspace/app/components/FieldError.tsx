/** A field's error, linked to its input by id (use aria-describedby on the input). */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p className="sb-field-error" id={id} data-testid="field-error">
      {message}
    </p>
  );
}
