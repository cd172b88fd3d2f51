import { Form } from '@remix-run/react';
import type { Named } from '@switchboard/contracts';

export interface NamedListResult {
  id?: number;
  error: string;
  name: string;
}

/** A list of names (categories, teams): rename in place, add one at the bottom. */
export function NamedListAdmin({ title, noun, items, result }: { title: string; noun: string; items: Named[]; result?: NamedListResult }) {
  const errorFor = (id?: number) =>
    result && result.id === id ? (
      <p className="sb-field-error" data-testid="field-error">
        {result.error}
      </p>
    ) : null;
  return (
    <div className="sb-page sb-page--narrow">
      <h1 className="sb-page__title">{title}</h1>
      <ul className="sb-named-list" data-testid="named-list">
        {items.map((item) => (
          <li key={item.id} data-testid="named-row" data-id={item.id}>
            <Form method="post" className="sb-named-list__row">
              <input type="hidden" name="id" value={item.id} />
              <label className="sb-visually-hidden" htmlFor={`name-${item.id}`}>
                Name of {noun} {item.name}
              </label>
              <input id={`name-${item.id}`} name="name" defaultValue={result?.id === item.id ? result.name : item.name} maxLength={80} required />
              <button type="submit" className="sb-button sb-button--small">
                Rename
              </button>
            </Form>
            {errorFor(item.id)}
          </li>
        ))}
      </ul>
      <Form method="post" className="sb-named-list__row" data-testid="named-add">
        <label className="sb-visually-hidden" htmlFor="name-new">
          New {noun}
        </label>
        <input id="name-new" name="name" placeholder={`New ${noun}`} defaultValue={result && !result.id ? result.name : ''} maxLength={80} required />
        <button type="submit" className="sb-button sb-button--small sb-button--primary">
          Add {noun}
        </button>
      </Form>
      {errorFor(undefined)}
    </div>
  );
}
