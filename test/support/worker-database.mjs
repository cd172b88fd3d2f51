/** Worker 1 uses the run's scratch database itself; jest worker N its sibling <run database>_wN. */
export function workerDatabaseUrl(runUrl, id) {
  if (id <= 1) return runUrl;
  const url = new URL(runUrl);
  url.pathname = `${url.pathname}_w${id}`;
  return url.toString();
}
