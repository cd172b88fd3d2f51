import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { requireAgent } from '~/session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAgent(request);
  return redirect('/tickets');
}
