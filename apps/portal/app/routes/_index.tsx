import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { getUser } from '../session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect('/tickets');
  return null;
}

export default function Landing() {
  return (
    <section className="welcome">
      <h1>How can we help?</h1>
      <p className="lead">
        Tell us what is going wrong and follow every answer from our support team in one place, on your phone or at your desk.
      </p>
      <p className="welcome__actions">
        <Link className="button" to="/login">
          Sign in
        </Link>
        <Link className="button button--secondary" to="/register">
          Create an account
        </Link>
      </p>
    </section>
  );
}
