import type { LoaderFunctionArgs } from '@remix-run/node';
import { readerApi } from '../kb.server';

/**
 * JSON for the deflection box on the new-ticket form (fetched while the customer types): the API's
 * deflection mode matches any word of the text and logs no search miss (half-typed text is not a
 * question). Failures answer an empty list: the box is a help, never an obstacle to opening the ticket.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200);
  if (q.length < 3) return { items: [] };
  const { api } = await readerApi(request);
  try {
    const { items } = await api.kb.search.query({ q, limit: 3, deflection: true });
    return { items };
  } catch {
    return { items: [] };
  }
}
