import { data, redirect } from '@remix-run/node';
import { formFailure } from './api.server';
import { tooLargeMessage, uploadFiles, type readPostedForm } from './attachments.server';
import { commitSession } from './session.server';
import type { SignedIn } from './ticket-page.server';
import { zodFieldErrors, zRateTicketInput, zReplyInput } from './validation.server';

type Posted = Awaited<ReturnType<typeof readPostedForm>>;

/** The intents of the ticket page that change the ticket itself rather than add to its conversation. */
export type TicketChange = 'close' | 'reopen' | 'rate';
export const isTicketChange = (intent: string): intent is TicketChange => intent === 'close' || intent === 'reopen' || intent === 'rate';

/** Close, reopen or rate the ticket; back to the ticket with a flash, or the form again with what went wrong. */
export async function changeTicket(request: Request, { session, api }: SignedIn, id: number, intent: TicketChange, form: Posted['form'], values: { body: string }) {
  let done: string;
  try {
    if (intent === 'rate') {
      const parsed = zRateTicketInput.safeParse({ ticketId: id, rating: form.get('rating'), comment: String(form.get('comment') ?? '') });
      if (!parsed.success) {
        return data({ values, fieldErrors: { rating: 'Choose a score from 1 to 5.' } as Record<string, string>, formError: null }, { status: 400 });
      }
      await api.satisfaction.rate.mutate(parsed.data);
      done = 'Thank you for your rating.';
    } else {
      await api.tickets[intent].mutate({ id });
      done = intent === 'close' ? 'Your ticket is closed.' : 'Your ticket is open again.';
    }
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }
  session.flash('flash', done);
  return redirect(`/tickets/${id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
}

/** A customer's reply with its files; a reply to a ticket closed long ago lands on the new, linked ticket. */
export async function replyToTicket(request: Request, { session, api, token }: SignedIn, id: number, { files, tooLarge }: Posted, values: { body: string }) {
  const parsed = zReplyInput.safeParse({ id, body: values.body, internal: false });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    if (tooLarge.length) fieldErrors.files = tooLargeMessage(tooLarge);
    return data({ values, fieldErrors, formError: null }, { status: 400 });
  }
  if (tooLarge.length) {
    return data({ values, fieldErrors: { files: tooLargeMessage(tooLarge) }, formError: null }, { status: 413 });
  }
  const uploaded = await uploadFiles(request, token, files);
  if (!uploaded.ok) {
    return data({ values, fieldErrors: { files: uploaded.message }, formError: null }, { status: uploaded.status || 503 });
  }

  let entry;
  try {
    // A customer's reply is always public: the portal never sends internal: true.
    entry = await api.tickets.reply.mutate({ id, body: parsed.data.body ?? '', internal: false, attachmentIds: uploaded.ids });
  } catch (error) {
    const failure = await formFailure(error, request, session);
    return data({ values, fieldErrors: failure.fieldErrors, formError: failure.formError }, { status: failure.status });
  }

  // A reply to a ticket closed long ago opened a new, linked ticket: go there.
  const followUp = entry.ticketId !== id;
  session.flash('flash', followUp ? `Ticket #${id} was closed, so we opened this new ticket with your message.` : 'Your reply was sent.');
  return redirect(`/tickets/${entry.ticketId}#latest`, { headers: { 'Set-Cookie': await commitSession(session) } });
}
