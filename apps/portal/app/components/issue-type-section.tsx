import type { IssueType } from '@switchboard/contracts';
import type { RawCustomFields } from '@switchboard/ui';
import { useEffect, useState } from 'react';
import { CustomFieldInputs } from './custom-fields';
import { Field } from './field';

/**
 * "What is it about?": the issue type, then that type's fields. Without JavaScript, "Show fields"
 * posts the form back and it comes back with the chosen type's fields (and everything typed kept);
 * with JavaScript the fields switch as soon as the type changes.
 */
export function IssueTypeSection({
  issueTypes,
  selectedId,
  raw,
  errors,
}: {
  issueTypes: IssueType[];
  selectedId: number | null;
  raw: RawCustomFields;
  errors: Record<string, string | undefined>;
}) {
  const [typeId, setTypeId] = useState<number | null>(selectedId);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setTypeId(selectedId), [selectedId]);
  if (issueTypes.length === 0) return null;
  const type = issueTypes.find((t) => t.id === typeId);
  return (
    <>
      <Field id="issueTypeId" label="What is it about?" hint={type?.description || undefined} error={errors.issueTypeId}>
        {(aria) => (
          <div className="form__inline">
            <select
              {...aria}
              name="issueTypeId"
              value={typeId ? String(typeId) : ''}
              onChange={(e) => setTypeId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
            >
              <option value="">Something else</option>
              {issueTypes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            {hydrated ? null : (
              <button type="submit" name="intent" value="choose-type" className="button button--secondary" data-testid="choose-type" formNoValidate>
                Show fields
              </button>
            )}
          </div>
        )}
      </Field>
      {type && type.fields.length ? <CustomFieldInputs fields={type.fields} raw={raw} errors={errors} /> : null}
    </>
  );
}
