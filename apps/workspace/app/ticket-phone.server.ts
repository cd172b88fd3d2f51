import { data, redirect } from '@remix-run/node';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import type { CallBackErrors } from '~/components/CallBackForm';
import type { WhatsappTemplateErrors } from '~/components/WhatsappTemplateForm';
import { fieldSentence } from '~/fields';
import { flash, type AgentContext } from '~/session.server';

type Ctx = Pick<AgentContext, 'api' | 'session'>;

/** The ticket page's "whatsapp-template" intent: sends an approved template (WhatsApp tickets). */
export async function whatsappTemplateAction({ api, session }: Ctx, request: Request, id: number, form: FormData) {
  const template = String(form.get('template') ?? '');
  const variables = Object.fromEntries(
    [...form.entries()].filter(([key]) => key.startsWith('var-')).map(([key, value]) => [key.slice(4), String(value)]),
  );
  try {
    await api.phone.sendWhatsappTemplate.mutate({ id, template, variables });
    return redirect(`/tickets/${id}`, { headers: await flash(session, { kind: 'success', message: `Template “${template}” sent.` }) });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      const [field, problem] = Object.entries(apiFieldErrors(error))[0] ?? ['template', 'The template could not be sent.'];
      const name = field.startsWith('variables.') ? field.slice('variables.'.length) : field;
      return data<WhatsappTemplateErrors>({ intent: 'whatsapp-template', template, field, formError: `${name}: ${problem}` }, { status: 400 });
    }
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
}

/** The ticket page's "call-back" intent: rings the agent's phone, then connects the customer (phone tickets). */
export async function callBackAction({ api, session }: Ctx, request: Request, id: number, form: FormData) {
  const agentPhone = String(form.get('agentPhone') ?? '').trim();
  const values = { agentPhone };
  try {
    const placed = await api.phone.callBack.mutate({ id, agentPhone });
    const headers = await flash(session, { kind: 'success', message: `Calling ${placed.agentPhone} now: answer, and we connect ${placed.customerPhone}.` });
    return redirect(`/tickets/${id}`, { headers });
  } catch (error) {
    if (apiErrorKind(error) === 'bad_request') {
      const fieldErrors = apiFieldErrors(error);
      return data<CallBackErrors>(
        {
          intent: 'call-back',
          values,
          agentPhone: fieldErrors.agentPhone ? fieldSentence('Your phone', fieldErrors.agentPhone) : undefined,
          formError: fieldErrors.agentPhone ? undefined : (Object.values(fieldErrors)[0] ?? 'The call could not be placed.'),
        },
        { status: 400 },
      );
    }
    return apiFailure(error, request, session, { notFound: `Ticket ${id} does not exist, or it was deleted.` });
  }
}
