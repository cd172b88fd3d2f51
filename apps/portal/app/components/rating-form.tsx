import { Form } from '@remix-run/react';

export const SCORE_LABELS = ['', 'Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];

/**
 * Five choices and an optional comment; posts `rating` and `comment` (and `intent=rate`).
 * Works without JavaScript.
 */
export function RatingForm({
  score,
  comment,
  error,
  submitLabel,
  busy,
}: {
  score: number | null;
  comment?: string | null;
  error?: string;
  submitLabel: string;
  busy?: boolean;
}) {
  return (
    <Form method="post" className="form" data-testid="rating-form">
      <input type="hidden" name="intent" value="rate" />
      <fieldset className="rating">
        <legend>How satisfied are you with the help you got?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="rating__choice">
            <input type="radio" name="rating" value={n} defaultChecked={score === n} required /> {n} · {SCORE_LABELS[n]}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <label className="field">
        <span className="field__label">Comment (optional)</span>
        <textarea name="comment" rows={3} maxLength={2000} defaultValue={comment ?? ''} />
      </label>
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
