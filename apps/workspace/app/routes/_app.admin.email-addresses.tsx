import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import type { Company, SupportAddress } from '@switchboard/contracts';
import { requireAdmin } from '~/admin.server';
import { apiErrorKind, apiFailure, apiFieldErrors } from '~/api.server';
import { AdminFormFooter } from '~/components/AdminForm';
import { AdminTabs } from '~/components/AdminTabs';
import { RouteErrorBoundary } from '~/components/RouteErrorBoundary';
import { emailAdminApi } from '~/email-admin.server';
import { flash } from '~/session.server';
import { refusal } from '~/staff-admin.server';

export const meta: MetaFunction = () => [{ title: 'Support addresses · Switchboard workspace' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  try {
    const client = emailAdminApi(api);
    const [addresses, companies] = await Promise.all([client.email.addresses.query(), client.companies.list.query()]);
    return { ...addresses, companies: companies.map((c: Company) => ({ id: c.id, name: c.name })) };
  } catch (error) {
    return apiFailure(error, request, session);
  }
}

/** intent=save adds or edits an address; intent=remove deletes one. */
export async function action({ request }: ActionFunctionArgs) {
  const { api, session } = await requireAdmin(request);
  const form = await request.formData();
  const id = Number(form.get('id')) || undefined;
  const client = emailAdminApi(api);
  try {
    if (form.get('intent') === 'remove' && id) {
      await client.email.removeAddress.mutate({ id });
      return redirect('/admin/email-addresses', { headers: await flash(session, { kind: 'success', message: 'Support address removed.' }) });
    }
    const companyId = Number(form.get('companyId')) || null;
    await client.email.saveAddress.mutate({
      id,
      address: String(form.get('address') ?? '').trim(),
      displayName: String(form.get('displayName') ?? '').trim() || null,
      companyId,
    });
  } catch (error) {
    const kind = apiErrorKind(error);
    if (kind === 'bad_request' || kind === 'conflict' || kind === 'not_found') {
      return data({ id: id ?? null, error: refusal(error, apiFieldErrors(error)) }, { status: 400 });
    }
    return apiFailure(error, request, session);
  }
  return redirect('/admin/email-addresses', { headers: await flash(session, { kind: 'success', message: id ? 'Support address saved.' : 'Support address added.' }) });
}

function AddressForm({ address, companies, error }: { address?: SupportAddress; companies: { id: number; name: string }[]; error?: string }) {
  const key = address?.id ?? 'new';
  return (
    <Form method="post" className="sb-form" data-testid={address ? 'address-form' : 'address-add'}>
      {address ? <input type="hidden" name="id" value={address.id} /> : null}
      <div className="sb-field-row">
        <div className="sb-field">
          <label htmlFor={`addr-${key}`}>Address</label>
          <input id={`addr-${key}`} name="address" type="email" defaultValue={address?.address ?? ''} maxLength={190} required placeholder="help@brand.example" />
        </div>
        <div className="sb-field">
          <label htmlFor={`addr-name-${key}`}>Sender name</label>
          <input id={`addr-name-${key}`} name="displayName" defaultValue={address?.displayName ?? ''} maxLength={160} placeholder="Brand Support" />
        </div>
        <div className="sb-field">
          <label htmlFor={`addr-co-${key}`}>Company</label>
          <select id={`addr-co-${key}`} name="companyId" defaultValue={address?.companyId ?? ''}>
            <option value="">(none: every customer)</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <AdminFormFooter error={error}>
        <button type="submit" name="intent" value="save" className="sb-button sb-button--primary">
          {address ? 'Save address' : 'Add address'}
        </button>
        {address ? (
          <button type="submit" name="intent" value="remove" className="sb-button" formNoValidate>
            Remove
          </button>
        ) : null}
      </AdminFormFooter>
    </Form>
  );
}

export default function SupportAddresses() {
  const { defaultAddress, items, companies } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <AdminTabs />
      <div className="sb-page">
        <div className="sb-page__head">
          <h1 className="sb-page__title">Support addresses</h1>
        </div>
        <p className="sb-page__lede">
          Mail to <strong>{defaultAddress}</strong> (SUPPORT_EMAIL) always reaches us. Add a company’s or brand’s own address
          here and point its Inbound Parse at us: tickets that arrive there are linked to it, and every reply on them goes
          out from that address, with its plus-address as Reply-To.
        </p>
        <ul className="sb-address-list" data-testid="address-list">
          {(items as SupportAddress[]).map((a) => (
            <li key={a.id} data-testid="address-row" data-address={a.address}>
              <AddressForm address={a} companies={companies} error={result && result.id === a.id ? result.error : undefined} />
            </li>
          ))}
        </ul>
        <h2>Add an address</h2>
        <AddressForm companies={companies} error={result && result.id === null ? result.error : undefined} />
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
