import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { anonymousApi, formFailure } from '../api.server';
import { ErrorView } from '../components/error-view';
import { FormError } from '../components/flash';
import { RatingForm, SCORE_LABELS } from '../components/rating-form';
import { zRateByTokenInput } from '../validation.server';

export const meta: MetaFunction = () => [{ title: 'Rate your ticket · Switchboard Support' }, { name: 'robots', content: 'noindex' }];

/**
 * The target of the one-click links in the rating email. GET changes nothing (mail scanners open links):
 * it shows the chosen score, prefilled, with room for a comment; only the POST records the rating.
 * No sign-in: the signed, single-use token in the link is the credential, checked by the API.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = Number(new URL(request.url).searchParams.get('score'));
  return { score: Number.isInteger(raw) && raw >= 1 && raw <= 5 ? raw : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = zRateByTokenInput.safeParse({
    token: params.token,
    rating: form.get('rating'),
    comment: String(form.get('comment') ?? ''),
  });
  if (!parsed.success) {
    return data({ done: null, fieldErrors: { rating: 'Choose a score from 1 to 5.' } as Record<string, string>, formError: null }, { status: 400 });
  }
  try {
    const rated = await anonymousApi(request).satisfaction.rateByToken.mutate(parsed.data);
    return { done: rated.rating, fieldErrors: {} as Record<string, string>, formError: null };
  } catch (error) {
    const failure = await formFailure(error, request, null);
    const linkProblem = failure.fieldErrors.token;
    return data(
      { done: null, fieldErrors: {} as Record<string, string>, formError: linkProblem ? `This rating link cannot be used: ${linkProblem}` : failure.formError },
      { status: failure.status },
    );
  }
}

export default function RatePage() {
  const { score } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';

  if (result?.done) {
    return (
      <section className="card" data-testid="rating-done">
        <h1>Thank you!</h1>
        <p role="status">
          We recorded your rating: {result.done} of 5 ({SCORE_LABELS[result.done]}).
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="rate-title">
      <h1 id="rate-title">Rate your ticket</h1>
      <p className="muted">Check your score, add a comment if you like, and send it.</p>
      <FormError message={result?.formError} />
      <RatingForm score={score} error={result?.fieldErrors.rating} submitLabel="Send rating" busy={busy} />
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorView notFound="That rating link does not exist." />;
}
