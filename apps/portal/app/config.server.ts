/**
 * Portal configuration, read once from the environment when the server starts.
 *
 * API_URL         where the Switchboard API listens (default http://127.0.0.1:4000)
 * SESSION_SECRET  signs the session cookie (a dev default, with a warning in production)
 * TIME_ZONE       IANA zone used to show dates (default UTC); dates are formatted on the server
 * SESSION_COOKIE_SECURE  true/false; defaults to true when NODE_ENV=production (the server, scripts/serve-web-app.mjs, sets it).
 *                 Set false only to serve over plain http on a host that is not localhost (e.g. a CI container).
 * PORT            read by the server itself (default 3000)
 */

const DEV_SESSION_SECRET = 'switchboard-portal-dev-secret-change-me';

function readConfig() {
  const production = process.env.NODE_ENV === 'production';

  const apiUrl = (process.env.API_URL?.trim() || 'http://127.0.0.1:4000').replace(/\/+$/, '');

  let sessionSecret = process.env.SESSION_SECRET?.trim();
  if (!sessionSecret) {
    if (production) {
      console.warn(
        '[portal] SESSION_SECRET is not set: using the built-in development secret. ' +
          'Anyone who knows it can forge sessions. Set SESSION_SECRET to a long random string.',
      );
    }
    sessionSecret = DEV_SESSION_SECRET;
  }

  let timeZone = process.env.TIME_ZONE?.trim() || 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    console.warn(`[portal] TIME_ZONE "${timeZone}" is not a valid IANA time zone: using UTC.`);
    timeZone = 'UTC';
  }

  const secureSetting = process.env.SESSION_COOKIE_SECURE?.trim().toLowerCase();
  const cookieSecure = secureSetting === 'true' ? true : secureSetting === 'false' ? false : production;

  return { production, apiUrl, sessionSecret, timeZone, cookieSecure } as const;
}

export const config = readConfig();
