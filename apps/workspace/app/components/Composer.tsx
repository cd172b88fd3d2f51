import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '@switchboard/ui';
import { FieldError } from './FieldError';
import { SmsCounter } from './SmsCounter';

export interface ComposerErrors {
  intent: 'reply';
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: { body: string; internal: boolean };
}

export interface ComposerProps {
  requesterName: string;
  /** Where a public reply goes, e.g. "by email"; empty when it only shows in the portal. */
  deliveryHint: string;
  errors?: ComposerErrors;
  /** "10 MB": the largest file the API accepts. */
  fileLimit?: string;
  /** On SMS and WhatsApp tickets: count characters (and SMS segments) while the agent types. */
  counter?: 'sms' | 'whatsapp';
}

/**
 * Reply to the customer or write an internal note. The mode is a radio pair, so it works without
 * JavaScript; the amber note styling and the button label follow the checked radio through CSS (:has).
 */
export function Composer({ requesterName, deliveryHint, errors, fileLimit, counter }: ComposerProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const navigation = useNavigation();
  const actionData = useActionData<{ intent?: string }>();
  const sending = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'reply';
  const wasSending = useRef(false);
  const [draft, setDraft] = useState(errors?.values?.body ?? '');

  useEffect(() => {
    // After a reply went through (the action redirected, so there is no error data), clear the draft.
    if (wasSending.current && navigation.state === 'idle' && actionData?.intent !== 'reply') {
      formRef.current?.reset();
      setDraft('');
    }
    wasSending.current = sending;
  }, [sending, navigation.state, actionData]);

  const internal = errors?.values?.internal ?? false;
  const bodyError = errors?.fieldErrors?.body;
  const filesError = errors?.fieldErrors?.files;

  function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  return (
    <Form
      method="post"
      encType="multipart/form-data"
      ref={formRef}
      className="sb-composer"
      data-testid="composer"
      aria-label="Reply or add a note"
    >
      <input type="hidden" name="intent" value="reply" />
      <fieldset className="sb-composer__modes">
        <legend className="sb-visually-hidden">Send as</legend>
        <label className="sb-composer__mode sb-composer__mode--reply">
          <input type="radio" name="internal" value="false" defaultChecked={!internal} />
          Reply to customer
        </label>
        <label className="sb-composer__mode sb-composer__mode--note">
          <input type="radio" name="internal" value="true" defaultChecked={internal} />
          <Icon name="lock" /> Internal note
        </label>
        <span className="sb-composer__hint sb-composer__hint--reply">
          {requesterName} will see this{deliveryHint ? ` and get it ${deliveryHint}` : ''}.
        </span>
        <span className="sb-composer__hint sb-composer__hint--note">Only staff can see internal notes.</span>
      </fieldset>
      {errors?.formError ? (
        <p className="sb-alert sb-alert--error" data-testid="error" role="alert">
          {errors.formError}
        </p>
      ) : null}
      <label htmlFor="composer-body" className="sb-visually-hidden">
        Message
      </label>
      <textarea
        id="composer-body"
        name="body"
        rows={5}
        required
        defaultValue={errors?.values?.body ?? ''}
        onKeyDown={submitOnCtrlEnter}
        onChange={(event) => setDraft(event.target.value)}
        aria-invalid={bodyError ? true : undefined}
        aria-describedby={bodyError ? 'composer-body-error' : undefined}
        placeholder="Write your message… (Ctrl+Enter sends)"
      />
      <FieldError id="composer-body-error" message={bodyError} />
      {counter ? <SmsCounter channel={counter} text={draft} /> : null}
      <div className="sb-composer__files">
        <label htmlFor="composer-files">
          <Icon name="paperclip" /> Attach files
        </label>
        <input
          id="composer-files"
          type="file"
          name="files"
          multiple
          aria-invalid={filesError ? true : undefined}
          aria-describedby={filesError ? 'composer-files-error' : 'composer-files-hint'}
        />
        <span className="sb-muted" id="composer-files-hint">
          {fileLimit ? `Up to ${fileLimit} each.` : null} Files on a note stay internal too.
        </span>
      </div>
      <FieldError id="composer-files-error" message={filesError ? `${filesError} Choose the files again.` : undefined} />
      <div className="sb-composer__actions">
        <button type="submit" className="sb-button sb-button--primary sb-composer__submit" data-testid="composer-submit" disabled={sending}>
          <span className="sb-composer__label--reply">{sending ? 'Sending…' : 'Send reply'}</span>
          <span className="sb-composer__label--note">{sending ? 'Saving…' : 'Add internal note'}</span>
        </button>
      </div>
    </Form>
  );
}
