import { Form } from '@remix-run/react';
import type { TicketStatus } from '@switchboard/contracts/enums';
import { FilePicker } from './attachments';
import { Field } from './field';
import { FormError } from './flash';

/** The reply form (message and files), with a word on closed tickets and tickets waiting on the customer. */
export function TicketReply({
  status,
  lastId,
  body,
  errors,
  formError,
  fileLimit,
  busy,
}: {
  status: TicketStatus;
  /** The latest entry's id: keys the inputs so they empty once the reply shows up. */
  lastId: string | undefined;
  body: string;
  errors: Record<string, string | undefined>;
  formError: string | null | undefined;
  fileLimit: string;
  busy: boolean;
}) {
  return (
    <section className="reply" aria-labelledby="reply-title">
      <h2 id="reply-title">Reply</h2>
      {/* intent=reply is the default, so older forms without it keep working. */}
      {status === 'closed' ? (
        <p className="muted">This ticket is closed. If you still need help, write below or open a new ticket.</p>
      ) : status === 'waiting_on_customer' ? (
        <p className="notice">Our team is waiting for your answer.</p>
      ) : null}
      <FormError message={formError} />
      <Form method="post" encType="multipart/form-data" className="form" data-testid="reply-form" noValidate>
        <input type="hidden" name="intent" value="reply" />
        <Field id="body" label="Your message" error={errors.body}>
          {/* Keyed by the latest entry so the box empties once the reply shows up (with JavaScript on). */}
          {(aria) => <textarea key={String(lastId)} {...aria} name="body" rows={5} required defaultValue={body} />}
        </Field>
        <FilePicker key={`files-${String(lastId)}`} id="files" error={errors.files} limit={fileLimit} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Sending…' : 'Send reply'}
          </button>
        </div>
      </Form>
    </section>
  );
}
