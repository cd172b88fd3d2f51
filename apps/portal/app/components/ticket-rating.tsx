import { RatingForm, SCORE_LABELS } from './rating-form';

/** The customer's rating of a resolved or closed ticket, and the form to give or change it. */
export function TicketRating({ rating, error, busy }: { rating: { rating: number; comment: string | null } | null; error?: string; busy: boolean }) {
  return (
    <section className="reply" aria-labelledby="rating-title" data-testid="rating">
      <h2 id="rating-title">Your rating</h2>
      {rating ? (
        <p data-testid="current-rating">
          You rated this {rating.rating} of 5 ({SCORE_LABELS[rating.rating]}){rating.comment ? `: “${rating.comment}”` : '.'} You can change it below.
        </p>
      ) : null}
      <RatingForm score={rating?.rating ?? null} comment={rating?.comment} error={error} submitLabel={rating ? 'Update rating' : 'Send rating'} busy={busy} />
    </section>
  );
}
