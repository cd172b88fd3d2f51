/** Workspace configuration, read once from the environment when the server starts. */

const DEV_SESSION_SECRET = 'switchboard-workspace-dev-secret-change-me';

function readConfig() {
  const production = process.env.NODE_ENV === 'production';
  const apiUrl = (process.env.API_URL || 'http://127.0.0.1:4000').replace(/\/+$/, '');
  let sessionSecret = process.env.SESSION_SECRET;
  if (!sessionSecret) {
    if (production) {
      console.warn(
        '[workspace] SESSION_SECRET is not set: using the development secret. Anyone who knows it can forge sessions. Set SESSION_SECRET.',
      );
    }
    sessionSecret = DEV_SESSION_SECRET;
  }
  // Secure cookies in production; SESSION_COOKIE_SECURE=false allows a production build served over plain
  // http (a local browser test), SESSION_COOKIE_SECURE=true forces it elsewhere.
  const secureSetting = process.env.SESSION_COOKIE_SECURE;
  const secureCookie = secureSetting === 'true' ? true : secureSetting === 'false' ? false : production;
  // Where browsers reach the workspace (behind a proxy, not what the server sees); single sign-on callbacks use it.
  const publicUrl = process.env.WORKSPACE_URL ? process.env.WORKSPACE_URL.replace(/\/+$/, '') : null;
  return { production, apiUrl, sessionSecret, secureCookie, publicUrl } as const;
}

export const config = readConfig();
