import type { CustomField } from '@switchboard/contracts';
import { customFieldName, type RawCustomFields } from '@switchboard/ui';
import { fieldMessage } from '../labels';
import { Field } from './field';

/** The custom fields of the chosen issue type, one input per kind; required ones are marked. */
export function CustomFieldInputs({
  fields,
  raw,
  errors,
}: {
  fields: readonly CustomField[];
  raw: RawCustomFields;
  /** By field key. */
  errors: Record<string, string | undefined>;
}) {
  return (
    <div className="custom-fields" data-testid="custom-fields">
      {fields.map((field) => {
        const id = `cf-${field.key}`;
        const name = customFieldName(field.key);
        const label = field.required ? `${field.label} (required)` : field.label;
        const value = raw[field.key];
        const text = typeof value === 'string' ? value : '';
        if (field.kind === 'multi_select' || field.kind === 'checkbox') {
          const chosen = new Set(Array.isArray(value) ? value : []);
          const message = fieldMessage(field.label, errors[field.key]);
          return (
            <fieldset key={field.key} className={message ? 'field field--invalid' : 'field'} aria-describedby={message ? `${id}-error` : undefined}>
              <legend>{label}</legend>
              {field.kind === 'checkbox' ? (
                <label className="check">
                  <input type="checkbox" name={name} value="true" defaultChecked={text === 'true'} /> Yes
                </label>
              ) : (
                field.options.map((option) => (
                  <label className="check" key={option}>
                    <input type="checkbox" name={name} value={option} defaultChecked={chosen.has(option)} /> {option}
                  </label>
                ))
              )}
              {message ? (
                <p className="field__error" id={`${id}-error`} data-testid={`error-${id}`}>
                  {message}
                </p>
              ) : null}
            </fieldset>
          );
        }
        return (
          <Field key={field.key} id={id} label={label} error={errors[field.key] ? `${field.label} ${errors[field.key]}` : undefined}>
            {(aria) =>
              field.kind === 'long_text' ? (
                <textarea {...aria} name={name} rows={4} required={field.required} defaultValue={text} />
              ) : field.kind === 'single_select' ? (
                <select {...aria} name={name} required={field.required} defaultValue={text}>
                  <option value="">Choose…</option>
                  {field.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...aria}
                  name={name}
                  type={field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
                  step={field.kind === 'number' ? 'any' : undefined}
                  required={field.required}
                  defaultValue={text}
                />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}
