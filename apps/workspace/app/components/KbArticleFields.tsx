import { KB_VISIBILITIES, type KbCategory } from '@switchboard/contracts';
import { FieldError } from './FieldError';

export const VISIBILITY_LABELS = {
  public: 'Everyone (public)',
  customers: 'Signed-in customers',
  company: 'One company',
  internal: 'Staff only',
} as const;

export interface ArticleFieldValues {
  categoryId?: number;
  title?: string;
  bodyMd?: string;
  tags?: string[];
  visibility?: string;
  companyId?: number | null;
}

/** Category, title, visibility, tags and the Markdown body: shared by "new" and "edit". */
export function KbArticleFields({
  categories,
  labels,
  values,
  errors,
}: {
  categories: KbCategory[];
  labels: Record<number, string>;
  values: ArticleFieldValues;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <div className="sb-field">
        <label htmlFor="kb-title">Title</label>
        <input id="kb-title" name="title" required maxLength={200} defaultValue={values.title ?? ''} aria-describedby="kb-title-error" />
        <FieldError id="kb-title-error" message={errors.title} />
      </div>
      <div className="sb-form__row">
        <div className="sb-field">
          <label htmlFor="kb-category">Category</label>
          <select id="kb-category" name="categoryId" defaultValue={values.categoryId ?? categories[0]?.id} aria-describedby="kb-category-error">
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {labels[c.id]}
              </option>
            ))}
          </select>
          <FieldError id="kb-category-error" message={errors.categoryId} />
        </div>
        <div className="sb-field">
          <label htmlFor="kb-visibility">Who can read it</label>
          <select id="kb-visibility" name="visibility" defaultValue={values.visibility ?? 'public'}>
            {KB_VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {VISIBILITY_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="sb-field">
          <label htmlFor="kb-company">Company id (for “One company”)</label>
          <input id="kb-company" name="companyId" type="number" min={1} defaultValue={values.companyId ?? ''} aria-describedby="kb-company-error" />
          <FieldError id="kb-company-error" message={errors.companyId} />
        </div>
      </div>
      <div className="sb-field">
        <label htmlFor="kb-tags">Tags (comma separated)</label>
        <input id="kb-tags" name="tags" defaultValue={(values.tags ?? []).join(', ')} aria-describedby="kb-tags-error" />
        <FieldError id="kb-tags-error" message={errors.tags} />
      </div>
      <div className="sb-field">
        <label htmlFor="kb-body">Article (Markdown)</label>
        <textarea id="kb-body" name="bodyMd" rows={18} defaultValue={values.bodyMd ?? ''} className="sb-kb-editor" aria-describedby="kb-body-error" />
        <FieldError id="kb-body-error" message={errors.bodyMd} />
      </div>
    </>
  );
}
