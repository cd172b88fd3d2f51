import type { CustomField } from '@switchboard/contracts';
import { customFieldName, type RawCustomFields } from '@switchboard/ui';
import { fieldSentence } from '~/fields';
import { FieldError } from './FieldError';

export interface CustomFieldInputsProps {
  fields: readonly CustomField[];
  /** What to show: the stored values, or what was posted when the save failed. */
  raw: RawCustomFields;
  /** Errors by field key. */
  errors?: Record<string, string>;
  idPrefix?: string;
}

/** One input per custom field, of the right kind; required ones are marked, errors sit under their field. */
export function CustomFieldInputs({ fields, raw, errors = {}, idPrefix = 'cf' }: CustomFieldInputsProps) {
  return (
    <>
      {fields.map((field) => {
        const id = `${idPrefix}-${field.key}`;
        const name = customFieldName(field.key);
        const error = fieldSentence(field.label, errors[field.key]);
        const value = raw[field.key];
        const text = typeof value === 'string' ? value : '';
        const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
        const label = (
          <>
            {field.label}
            {field.required ? (
              <span className="sb-required" aria-label="required" title="required">
                {' *'}
              </span>
            ) : null}
            {field.customerVisible ? null : <span className="sb-muted"> (staff only)</span>}
          </>
        );
        if (field.kind === 'multi_select' || field.kind === 'checkbox') {
          const chosen = new Set(Array.isArray(value) ? value : text ? [text] : []);
          return (
            <fieldset className="sb-field sb-field--choices" key={field.key} data-testid={`custom-field-${field.key}`} {...aria}>
              <legend>{label}</legend>
              {field.kind === 'checkbox' ? (
                <label className="sb-filters__check">
                  <input type="checkbox" name={name} value="true" defaultChecked={text === 'true'} /> Yes
                </label>
              ) : (
                field.options.map((option) => (
                  <label className="sb-filters__check" key={option}>
                    <input type="checkbox" name={name} value={option} defaultChecked={chosen.has(option)} /> {option}
                  </label>
                ))
              )}
              <FieldError id={`${id}-error`} message={error} />
            </fieldset>
          );
        }
        return (
          <div className="sb-field" key={field.key} data-testid={`custom-field-${field.key}`}>
            <label htmlFor={id}>{label}</label>
            {field.kind === 'long_text' ? (
              <textarea id={id} name={name} rows={3} defaultValue={text} {...aria} />
            ) : field.kind === 'single_select' ? (
              <select id={id} name={name} defaultValue={text} {...aria}>
                <option value="">—</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={name}
                type={field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
                step={field.kind === 'number' ? 'any' : undefined}
                defaultValue={text}
                {...aria}
              />
            )}
            <FieldError id={`${id}-error`} message={error} />
          </div>
        );
      })}
    </>
  );
}
