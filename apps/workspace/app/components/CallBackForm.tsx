import { Form, useNavigation } from '@remix-run/react';

export interface CallBackErrors {
  intent: 'call-back';
  agentPhone?: string;
  formError?: string;
  values?: { agentPhone: string };
}

/**
 * "Call back" on a phone ticket: Twilio rings the agent's phone first and connects the customer
 * once they answer. The phone in the agent's profile is filled in; they may type another.
 */
export function CallBackForm({ errors, myPhone }: { errors?: CallBackErrors; myPhone?: string | null }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'call-back';
  return (
    <Form method="post" className="sb-sideform" data-testid="call-back-form">
      <input type="hidden" name="intent" value="call-back" />
      <label htmlFor="call-back-phone" className="sb-sideform__label">
        Call back
      </label>
      <div className="sb-sideform__row">
        <input
          id="call-back-phone"
          name="agentPhone"
          type="tel"
          required
          autoComplete="tel"
          placeholder="Your phone, e.g. +49 30 123456"
          defaultValue={errors?.values?.agentPhone ?? myPhone ?? ''}
          aria-invalid={errors?.agentPhone ? true : undefined}
          aria-describedby="call-back-hint"
        />
        <button type="submit" className="sb-button sb-button--small" disabled={busy}>
          {busy ? 'Calling…' : 'Call back'}
        </button>
      </div>
      <p className="sb-sideform__hint" id="call-back-hint">
        {errors?.agentPhone ?? 'We ring your phone first, then connect the customer.'}
      </p>
      {errors?.formError ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {errors.formError}
        </p>
      ) : null}
    </Form>
  );
}
