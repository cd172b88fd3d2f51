import { data, redirect } from '@remix-run/node';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { tooLargeMessage, uploadFiles, type readPostedForm } from '~/attachments.server';
import type { ComposerErrors } from '~/components/Composer';
import { fieldSentence } from '~/fields';
import { flash, type AgentContext } from '~/session.server';
import { CONFLICT_MESSAGE } from '~/ticket-conflict';

type PostedForm = Awaited<ReturnType<typeof readPostedForm>>;

/** The ticket page's "reply" intent: a reply to the customer or an internal note, with its files. */
export async function ticketReplyAction(
  { api, session, token }: Pick<AgentContext, 'api' | 'session' | 'token'>,
  request: Request,
  id: number,
  { form, files, tooLarge }: PostedForm,
) {
  const body = String(form.get('body') ?? '');
  const internal = form.get('internal') === 'true';
  const values = { body, internal };
  if (!body.trim()) {
    return data<ComposerErrors>(
      { intent: 'reply', values, fieldErrors: { body: internal ? 'Write the note first.' : 'Write the reply first.' } },
      { status: 400 },
    );
  }
  if (tooLarge.length) {
    return data<ComposerErrors>({ intent: 'reply', values, fieldErrors: { files: tooLargeMessage(tooLarge) } }, { status: 413 });
  }
  // Files first, then the reply or note claims them in one step.
  const uploaded = await uploadFiles(request, token, files);
  if (!uploaded.ok) {
    return data<ComposerErrors>({ intent: 'reply', values, fieldErrors: { files: uploaded.message } }, { status: uploaded.status || 503 });
  }
  try {
    await api.tickets.reply.mutate({ id, body, internal, attachmentIds: uploaded.ids });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request') {
      const fieldErrors = apiFieldErrors(error);
      const { body: bodyError, ...rest } = fieldErrors;
      const other = Object.values(rest)[0];
      return data<ComposerErrors>(
        {
          intent: 'reply',
          values,
          fieldErrors: bodyError ? { body: fieldSentence('Message', bodyError)! } : {},
          formError: other ?? (bodyError ? undefined : 'The API refused this message.'),
        },
        { status: 400 },
      );
    }
    if (kind === 'conflict') {
      return data<ComposerErrors>({ intent: 'reply', values, formError: CONFLICT_MESSAGE }, { status: 409 });
    }
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
  const headers = await flash(session, {
    kind: 'success',
    message: internal ? 'Internal note added.' : 'Reply sent to the customer.',
  });
  return redirect(`/tickets/${id}`, { headers });
}
