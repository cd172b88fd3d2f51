import { FieldError } from './FieldError';
import { MessageSideForm, type MessageSideFormProps } from './MessageSideForm';

/** Moves one customer message (an email that threaded onto the wrong ticket) to another existing ticket, with a reason. */
export function MoveForm(props: MessageSideFormProps) {
  const targetError = props.errors?.fieldErrors?.targetId;
  return (
    <MessageSideForm {...props} intent="move" title="Move a message to another ticket" submit={{ idle: 'Move message', busy: 'Moving…' }}>
      <label className="sb-sideform__label" htmlFor="move-target">
        To ticket #
      </label>
      <input
        id="move-target"
        name="targetId"
        inputMode="numeric"
        placeholder="1003"
        defaultValue={props.errors?.values?.targetId ?? ''}
        aria-invalid={targetError ? true : undefined}
        aria-describedby={targetError ? 'move-target-error' : undefined}
      />
      <FieldError id="move-target-error" message={targetError} />
    </MessageSideForm>
  );
}
