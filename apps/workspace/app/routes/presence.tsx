import { data, type ActionFunctionArgs } from '@remix-run/node';
import { PRESENCE_STATES, zTicketId, type PresenceState } from '@switchboard/contracts';
import { apiErrorKind } from '~/api.server';
import { getSession, isStaff } from '~/session.server';
import { clientOf, createApiClient } from '@switchboard/trpc-client';
import { config } from '~/config.server';

/** POST /presence (ticketId, state): the ticket page's heartbeat; sent with sendBeacon on leaving. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  const user = session.get('user');
  if (!token || !user || !isStaff(user.role)) return data({ ok: false }, { status: 401 });
  const form = await request.formData();
  const ticketId = zTicketId.safeParse(form.get('ticketId'));
  const state = String(form.get('state') ?? '');
  if (!ticketId.success || !(PRESENCE_STATES as readonly string[]).includes(state)) {
    return data({ ok: false, message: 'ticketId and state are required' }, { status: 400 });
  }
  try {
    await createApiClient({ url: config.apiUrl, token, ...clientOf(request) }).live.heartbeat.mutate({ ticketId: ticketId.data, state: state as PresenceState });
    return data({ ok: true });
  } catch (error) {
    const kind = apiErrorKind(error);
    return data({ ok: false }, { status: kind === 'unauthorized' ? 401 : kind === 'not_found' ? 404 : kind === 'forbidden' ? 403 : 502 });
  }
}
