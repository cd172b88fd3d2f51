import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import {
  ADMIN_NOTIFICATION_EVENTS,
  NOTIFICATION_EVENT_LABELS,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from '@switchboard/contracts';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash, requireAgent } from '~/session.server';

export const meta: MetaFunction = () => [{ title: 'Notifications · Switchboard workspace' }];

/** The events this person can hear about: admin-only ones (failed background work) for admins alone. */
const eventsFor = (role: string): NotificationEvent[] => NOTIFICATION_EVENTS.filter((e) => role === 'admin' || !ADMIN_NOTIFICATION_EVENTS.includes(e));

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session, timeZone, user } = await requireAgent(request);
  try {
    return { preferences: (await api.inbox.preferences.query()) as NotificationPreferences, timeZone, events: eventsFor(user.role) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/**
 * The form's checkboxes and fields as the API's document; the API validates it (and names a bad field).
 * Events the page did not show (admin-only ones, to others) are left out: the API keeps their stored choice.
 */
function fromForm(form: FormData, events: NotificationEvent[]): NotificationPreferencesInput {
  const on = (name: string) => form.get(name) === 'on';
  return {
    events: Object.fromEntries(events.map((e) => [e, { inApp: on(`${e}.inApp`), email: on(`${e}.email`) }])) as NotificationPreferencesInput['events'],
    quietHours: {
      enabled: on('quiet.enabled'),
      start: String(form.get('quiet.start') ?? ''),
      end: String(form.get('quiet.end') ?? ''),
      timeZone: String(form.get('quiet.timeZone') ?? '').trim(),
      email: form.get('quiet.email') === 'drop' ? 'drop' : 'hold',
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { api, session, user } = await requireAgent(request);
  try {
    await api.inbox.updatePreferences.mutate(fromForm(await request.formData(), eventsFor(user.role)));
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') return data({ fieldErrors: apiFieldErrors(error) }, { status: 400 });
    return apiFailure(error, request, session);
  }
  return redirect('/notification-settings', { headers: await flash(session, { kind: 'success', message: 'Notification settings saved.' }) });
}

export default function NotificationSettings() {
  const { preferences, timeZone, events } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>()?.fieldErrors ?? {}) as Record<string, string>;
  const quiet = preferences.quietHours;
  return (
    <div className="sb-page sb-page--narrow">
      <div className="sb-page__head">
        <h1 className="sb-page__title">Notifications</h1>
      </div>
      <p className="sb-page__lede">What you hear about, where: the bell in the workspace (in-app) and email.</p>
      <Form method="post" data-testid="notification-settings">
        <section className="sb-section" aria-labelledby="events-title">
          <h2 id="events-title">Events</h2>
          <div className="sb-table-wrap">
            <table className="sb-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">In-app</th>
                  <th scope="col">Email</th>
                </tr>
              </thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e} data-testid={`event-${e}`}>
                    <th scope="row">{NOTIFICATION_EVENT_LABELS[e]}</th>
                    <td>
                      <input type="checkbox" name={`${e}.inApp`} defaultChecked={preferences.events[e].inApp} aria-label={`${NOTIFICATION_EVENT_LABELS[e]}: in-app`} />
                    </td>
                    <td>
                      <input type="checkbox" name={`${e}.email`} defaultChecked={preferences.events[e].email} aria-label={`${NOTIFICATION_EVENT_LABELS[e]}: email`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="sb-section" aria-labelledby="quiet-title">
          <h2 id="quiet-title">Quiet hours</h2>
          <p className="sb-page__lede">During quiet hours the bell still collects notifications; email waits until they end, or is dropped.</p>
          <label>
            <input type="checkbox" name="quiet.enabled" defaultChecked={quiet.enabled} data-testid="quiet-enabled" /> Quiet hours on
          </label>
          <div className="sb-field">
            <label htmlFor="quiet-start">From</label>
            <input id="quiet-start" type="time" name="quiet.start" defaultValue={quiet.start} aria-describedby="quiet-start-error" required />
            <FieldError id="quiet-start-error" message={errors['quietHours.start']} />
          </div>
          <div className="sb-field">
            <label htmlFor="quiet-end">Until</label>
            <input id="quiet-end" type="time" name="quiet.end" defaultValue={quiet.end} aria-describedby="quiet-end-error" required />
            <FieldError id="quiet-end-error" message={errors['quietHours.end']} />
          </div>
          <div className="sb-field">
            <label htmlFor="quiet-zone">Time zone</label>
            <input
              id="quiet-zone"
              name="quiet.timeZone"
              defaultValue={quiet.enabled || quiet.timeZone !== 'UTC' ? quiet.timeZone : timeZone}
              aria-describedby="quiet-zone-error"
              required
            />
            <FieldError id="quiet-zone-error" message={errors['quietHours.timeZone']} />
          </div>
          <fieldset className="sb-field">
            <legend>Email during quiet hours</legend>
            <label>
              <input type="radio" name="quiet.email" value="hold" defaultChecked={quiet.email === 'hold'} /> Hold it until they end
            </label>
            <label>
              <input type="radio" name="quiet.email" value="drop" defaultChecked={quiet.email === 'drop'} /> Drop it
            </label>
          </fieldset>
        </section>
        <button type="submit" className="sb-button sb-button--primary" data-testid="save-notification-settings">
          Save
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
