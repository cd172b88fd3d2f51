import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { formatHolidays, formatWeeklyHours, parseHolidays, parseWeeklyHours } from '@switchboard/ui';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors, notFound } from '~/api.server';
import { AdminTabs } from '~/components/AdminTabs';
import { FieldError } from '~/components/FieldError';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { flash } from '~/session.server';
import { slaApi } from '~/sla-admin.server';

export const meta: MetaFunction = () => [{ title: 'Business-hours calendar · Switchboard workspace' }];

interface Values {
  name: string;
  timezone: string;
  weekly: string;
  holidays: string;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  if (params.id === 'new') {
    return { id: null, values: { name: '', timezone: 'Europe/Berlin', weekly: 'Mon-Fri 09:00-12:00, 13:00-17:00', holidays: '' } };
  }
  let calendar;
  try {
    calendar = (await slaApi(api).sla.settings.query()).calendars.find((c) => String(c.id) === params.id);
  } catch (error) {
    return apiFailure(error, request, session);
  }
  if (!calendar) notFound(`There is no calendar "${params.id}".`);
  return {
    id: calendar.id,
    values: { name: calendar.name, timezone: calendar.timezone, weekly: formatWeeklyHours(calendar.weekly), holidays: formatHolidays(calendar.holidays) },
  };
}

type ActionResult = { values: Values; fieldErrors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const values: Values = {
    name: String(form.get('name') ?? ''),
    timezone: String(form.get('timezone') ?? ''),
    weekly: String(form.get('weekly') ?? ''),
    holidays: String(form.get('holidays') ?? ''),
  };
  const weekly = parseWeeklyHours(values.weekly);
  const holidays = parseHolidays(values.holidays);
  const fieldErrors: Record<string, string> = {};
  if ('error' in weekly) fieldErrors.weekly = weekly.error;
  if ('error' in holidays) fieldErrors.holidays = holidays.error;
  if ('error' in weekly || 'error' in holidays) return data<ActionResult>({ values, fieldErrors }, { status: 400 });
  try {
    const saved = await slaApi(api).sla.saveCalendar.mutate({
      id: params.id === 'new' ? undefined : Number(params.id),
      name: values.name,
      timezone: values.timezone,
      weekly: weekly.spans,
      holidays: holidays.holidays,
    });
    return redirect('/admin/sla', { headers: await flash(session, { kind: 'success', message: `Calendar "${saved.name}" saved.` }) });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind !== 'bad_request' && kind !== 'conflict') return apiFailure(error, request, session);
    // weekly.3 / holidays.0 -> the textarea they came from.
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(apiFieldErrors(error))) errors[field.split('.')[0]] ??= field.includes('.') ? `${message} (entry ${Number(field.split('.')[1]) + 1})` : message;
    return data<ActionResult>({ values, fieldErrors: errors }, { status: 400 });
  }
}

export default function CalendarEditor() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values ?? loaded.values;
  const errors = result?.fieldErrors ?? {};
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <p className="sb-ticket__crumbs">
          <Link to="/admin/sla">SLA</Link> / {loaded.id ? values.name : 'New calendar'}
        </p>
        <Form method="post" className="sb-form" data-testid="calendar-form">
          <label>
            Name
            <input name="name" aria-describedby="name-error" defaultValue={values.name} required maxLength={80} />
            <FieldError id="name-error" message={errors.name} />
          </label>
          <label>
            Time zone (IANA, e.g. Europe/Berlin)
            <input name="timezone" aria-describedby="timezone-error" defaultValue={values.timezone} required />
            <FieldError id="timezone-error" message={errors.timezone} />
          </label>
          <label>
            Weekly hours, one day or range per line (split shifts separated by commas)
            <textarea name="weekly" aria-describedby="weekly-error" rows={7} defaultValue={values.weekly} placeholder="Mon-Fri 09:00-12:00, 13:00-17:00" />
            <FieldError id="weekly-error" message={errors.weekly} />
          </label>
          <label>
            Holidays, one per line
            <textarea name="holidays" aria-describedby="holidays-error" rows={5} defaultValue={values.holidays} placeholder="2026-12-25 Christmas Day" />
            <FieldError id="holidays-error" message={errors.holidays} />
          </label>
          <button type="submit" className="sb-button sb-button--primary">
            Save calendar
          </button>
        </Form>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
