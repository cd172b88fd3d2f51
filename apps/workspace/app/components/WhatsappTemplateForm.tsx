import { Form, useNavigation } from '@remix-run/react';
import type { WhatsappTemplate } from '@switchboard/contracts';

export interface WhatsappTemplateErrors {
  intent: 'whatsapp-template';
  template: string;
  field?: string;
  formError: string;
}

/**
 * On a WhatsApp ticket: the approved templates, each a small form with its variables. After the
 * 24-hour window a template is the only thing WhatsApp lets us send; within it, it is one more option.
 */
export function WhatsappTemplateForm({ templates, errors }: { templates: WhatsappTemplate[]; errors?: WhatsappTemplateErrors }) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'whatsapp-template';
  return (
    <details className="sb-sideform" data-testid="whatsapp-templates" open={errors ? true : undefined}>
      <summary className="sb-sideform__label">Send an approved template</summary>
      {templates.length === 0 ? (
        <p className="sb-sideform__hint">No templates yet: an admin lists them under Admin → Phone.</p>
      ) : (
        templates.map((t) => (
          <Form method="post" key={t.name} data-testid="whatsapp-template" data-template={t.name} className="sb-sideform__template">
            <input type="hidden" name="intent" value="whatsapp-template" />
            <input type="hidden" name="template" value={t.name} />
            <strong>{t.name}</strong>
            {t.variables.map((v) => (
              <label key={v} className="sb-sideform__row">
                <span>{v}</span>
                <input name={`var-${v}`} required aria-invalid={errors?.template === t.name && errors.field === `variables.${v}` ? true : undefined} />
              </label>
            ))}
            <button type="submit" className="sb-button sb-button--small" disabled={busy}>
              Send “{t.name}”
            </button>
            {errors?.template === t.name ? (
              <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
                {errors.formError}
              </p>
            ) : null}
          </Form>
        ))
      )}
    </details>
  );
}
