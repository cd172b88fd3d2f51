import { Form, Link, useNavigation } from '@remix-run/react';
import type { TicketLink } from '@switchboard/contracts';
import { linkWording, StatusBadge } from '@switchboard/ui';
import { FieldError } from './FieldError';

export const LINK_INTENTS = ['link', 'unlink', 'merge', 'split', 'move'] as const;
export type TicketLinksIntent = (typeof LINK_INTENTS)[number];

export function isLinkIntent(intent: unknown): intent is TicketLinksIntent {
  return (LINK_INTENTS as readonly unknown[]).includes(intent);
}

/** What a failed link, unlink, merge or split sends back: errors by field (otherId, targetId, entryId, subject). */
export interface TicketLinksErrors {
  intent: TicketLinksIntent;
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export interface LinkedTicketsProps {
  links: TicketLink[];
  errors?: TicketLinksErrors;
}

/** Busy while this page posts one of the given intents. */
export function useBusy(...intents: TicketLinksIntent[]): boolean {
  const navigation = useNavigation();
  return navigation.state !== 'idle' && intents.includes(String(navigation.formData?.get('intent')) as TicketLinksIntent);
}

/**
 * Tickets linked to this one, in words ("Merged into #1005", "Split from #1001"), each linking to the
 * ticket; related links can be removed, and another ticket linked by its number.
 */
export function LinkedTickets({ links, errors }: LinkedTicketsProps) {
  const busy = useBusy('link', 'unlink');
  const linkErrors = errors?.intent === 'link' ? errors : undefined;
  const unlinkError = errors?.intent === 'unlink' ? (errors.fieldErrors?.otherId ?? errors.formError) : undefined;
  return (
    <section className="sb-sideform sb-links" aria-labelledby="linked-tickets-title" data-testid="linked-tickets">
      <h2 id="linked-tickets-title" className="sb-sideform__label">
        Linked tickets
      </h2>
      {links.length ? (
        <ul className="sb-links__list">
          {links.map((link) => {
            const [before, after] = linkWording(link, 'agent');
            return (
              <li
                key={`${link.kind}-${link.direction}-${link.ticket.id}`}
                className="sb-links__item"
                data-testid="ticket-link"
                data-kind={link.kind}
                data-direction={link.direction}
                data-ticket-id={link.ticket.id}
              >
                <span className="sb-links__text">
                  {before}
                  <Link to={`/tickets/${link.ticket.id}`} title={link.ticket.subject}>
                    #{link.ticket.number}
                  </Link>
                  {after}
                </span>
                <StatusBadge status={link.ticket.status} />
                <span className="sb-links__subject sb-muted">{link.ticket.subject}</span>
                {link.kind === 'related' ? (
                  <Form method="post" className="sb-links__remove">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="otherId" value={link.ticket.id} />
                    <button
                      type="submit"
                      className="sb-button sb-button--quiet sb-button--small"
                      disabled={busy}
                      aria-label={`Remove the link to #${link.ticket.number}`}
                      data-testid="unlink"
                    >
                      Remove
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="sb-sideform__hint">No linked tickets.</p>
      )}
      {unlinkError ? (
        <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
          {unlinkError}
        </p>
      ) : null}
      <Form method="post" className="sb-sideform" data-testid="link-form">
        <input type="hidden" name="intent" value="link" />
        <label className="sb-sideform__label" htmlFor="link-other">
          Link related ticket #
        </label>
        <div className="sb-sideform__row">
          <input
            id="link-other"
            name="otherId"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={linkErrors?.values?.otherId ?? ''}
            aria-invalid={linkErrors?.fieldErrors?.otherId ? true : undefined}
            aria-describedby={linkErrors?.fieldErrors?.otherId ? 'link-other-error' : undefined}
          />
          <button type="submit" className="sb-button sb-button--small" disabled={busy}>
            Link
          </button>
        </div>
        <FieldError id="link-other-error" message={linkErrors?.fieldErrors?.otherId} />
        {linkErrors?.formError ? (
          <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
            {linkErrors.formError}
          </p>
        ) : null}
      </Form>
    </section>
  );
}
