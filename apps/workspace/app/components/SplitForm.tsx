import { FieldError } from './FieldError';
import { MessageSideForm, type MessageSideFormProps } from './MessageSideForm';

/** Moves one customer message to a new ticket of the same requester, linked to this one. */
export function SplitForm(props: MessageSideFormProps) {
  const subjectError = props.errors?.fieldErrors?.subject;
  return (
    <MessageSideForm {...props} intent="split" title="Split a message into a new ticket" submit={{ idle: 'Split into new ticket', busy: 'Splitting…' }}>
      <label className="sb-sideform__label" htmlFor="split-subject">
        Subject <span className="sb-muted">(optional: the message’s first line)</span>
      </label>
      <input
        id="split-subject"
        name="subject"
        maxLength={200}
        defaultValue={props.errors?.values?.subject ?? ''}
        aria-describedby={subjectError ? 'split-subject-error' : undefined}
      />
      <FieldError id="split-subject-error" message={subjectError} />
    </MessageSideForm>
  );
}
