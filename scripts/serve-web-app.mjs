#!/usr/bin/env node
// Serves a built Remix app the way remix-serve does (compression, static assets, morgan, the request
// handler), plus one thing remix-serve cannot: the loaders learn the browser's address. Remix's
// Request carries no socket, so this server appends the peer's address to X-Forwarded-For, as a
// proxy does; the apps pass it (and the browser's User-Agent) on to the API, which believes it only
// from TRUSTED_PROXIES (decision 027).
//
// usage, from the app's folder (static assets resolve against it): node ../../scripts/serve-web-app.mjs build/server/index.js
// env: PORT (default 3000), HOST (default all interfaces), NODE_ENV (default production, as remix-serve).
import { createRequire } from 'node:module';
import path from 'node:path';
import url from 'node:url';

// Like remix-serve: production unless told otherwise (the apps' secure-cookie default follows it).
process.env.NODE_ENV = process.env.NODE_ENV ?? 'production';

// The same express, compression, morgan and @remix-run/express that remix-serve runs on.
const fromServe = createRequire(createRequire(import.meta.url).resolve('@remix-run/serve/package.json'));
const express = fromServe('express');
const compression = fromServe('compression');
const morgan = fromServe('morgan');
const { createRequestHandler } = fromServe('@remix-run/express');
const { installGlobals } = fromServe('@remix-run/node');

const buildFile = process.argv[2];
if (!buildFile) {
  console.error('usage: node scripts/serve-web-app.mjs <path to build/server/index.js>');
  process.exit(64);
}
const build = await import(url.pathToFileURL(path.resolve(buildFile)).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

/** Like any proxy: who connected to us goes at the end of the chain (the API decides how much of it to believe). */
export function appendPeer(req, _res, next) {
  const peer = req.socket.remoteAddress;
  if (peer) {
    const prior = req.headers['x-forwarded-for'];
    req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
  }
  next();
}

const app = express();
app.disable('x-powered-by');
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: '1y' }));
app.use(express.static('public', { maxAge: '1h' }));
app.use(morgan('tiny'));
app.use(appendPeer);
app.all('*', createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT || 3000);
const onListen = () => console.log(`[serve-web-app] http://${process.env.HOST || 'localhost'}:${port}`);
const server = process.env.HOST ? app.listen(port, process.env.HOST, onListen) : app.listen(port, onListen);
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(console.error));
