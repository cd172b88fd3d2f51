import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { AVAILABILITIES, type Availability } from '@switchboard/contracts';
import { apiFailure } from '~/api.server';
import { peopleApi } from '~/people-api.server';
import { flash, requireAgent, safeRedirect } from '~/session.server';

/** The header's availability switch: the signed-in agent sets their own; back to the page they were on. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAgent(request);
  const form = await request.formData();
  const availability = String(form.get('availability') ?? '') as Availability;
  const back = safeRedirect(form.get('redirectTo'));
  if (!AVAILABILITIES.includes(availability)) {
    return redirect(back, { headers: await flash(session, { kind: 'error', message: 'Choose online, away or offline.' }) });
  }
  try {
    await peopleApi(api).people.setAvailability.mutate({ availability });
  } catch (error) {
    return apiFailure(error, request, session);
  }
  return redirect(back, { headers: await flash(session, { kind: 'success', message: `You are ${availability}.` }) });
}

export function loader() {
  return redirect('/tickets');
}
