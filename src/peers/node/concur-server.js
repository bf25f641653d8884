#!/usr/bin/env node
// node-http, concur's Node.js server under load (docs/servers.md):
//   node concur-server.js --model node-http --port 0 --backlog 4096 --max-connections 0 --parent-watch
// http.createServer on the one event loop: the wait is a setTimeout, then value(i, work) of
// concur-peer.js's kernel runs on the loop. The time-outs that would close an idle or slow
// connection are turned off, and the settings line says what each was.
'use strict';

const http = require('node:http');
const { value } = require('./concur-peer.js');

const TASK = /^\/task\/(\d{1,10})$/;
const LIMITS = { wait: 60e6, work: 1e9 };

function options(argv) {
  const a = { model: '', port: 0, threads: 200, backlog: 4096, 'max-connections': 0, 'parent-watch': false };
  for (let k = 0; k < argv.length; k++) {
    const name = argv[k].replace(/^--/, '');
    if (!(name in a)) usage(`unknown option ${argv[k]}`);
    if (name === 'parent-watch') a[name] = true;
    else if (name === 'model') a[name] = argv[++k];
    else if (!/^\d+$/.test(argv[++k] ?? '')) usage(`--${name} takes a whole number, not ${argv[k]}`);
    else a[name] = Number(argv[k]);
  }
  if (a.model !== 'node-http') usage(`the Node.js peer serves --model node-http, not '${a.model}'`);
  return a;
}

function usage(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

function answer(res, status, body, close = false) {
  const headers = { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) };
  if (close) headers.Connection = 'close'; // Node ends the connection after this response
  res.writeHead(status, headers).end(body);
}

// GET /task/<i>?wait=<µs>&work=<rounds>
function task(req, res) {
  if (req.method !== 'GET') return answer(res, 400, 'only GET\n', true);
  let url;
  try {
    url = new URL(req.url, 'http://127.0.0.1');
  } catch {
    return answer(res, 400, 'bad request target\n', true);
  }
  const m = TASK.exec(url.pathname);
  const i = m ? Number(m[1]) : NaN;
  if (!(i < 2 ** 31)) return answer(res, 404, 'no such task\n');
  const q = {};
  for (const name of ['wait', 'work']) {
    const v = url.searchParams.get(name) ?? '0';
    q[name] = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(q[name] <= LIMITS[name])) return answer(res, 400, `${name} is 0 to ${LIMITS[name]}\n`);
  }
  const respond = () => answer(res, 200, String(value(i, q.work)));
  if (q.wait > 0) setTimeout(respond, q.wait / 1000); // milliseconds; Node's timers round to whole ones
  else respond();
}

const a = options(process.argv.slice(2));
const server = http.createServer(task);
const notes = ['one event loop; timers have millisecond resolution, a wait under 1 ms lasts 1 ms'];
// every time-out that could close an idle connection or a slow client, off (0); the default it replaced, noted
for (const name of ['keepAliveTimeout', 'headersTimeout', 'requestTimeout']) {
  notes.push(`server.${name} ${server[name]} ms (Node's default) set to 0: no time-out`);
  server[name] = 0;
}
if (a['max-connections'] > 0) {
  server.maxConnections = a['max-connections']; // Node closes a connection over it once accepted
  notes.push('--max-connections: server.maxConnections');
}
server.listen({ port: a.port, host: '127.0.0.1', backlog: a.backlog }, () => {
  const settings = { model: a.model, runtime: `node ${process.version}`, threads: 0, backlog: a.backlog,
    maxConnections: a['max-connections'], idleTimeoutSeconds: 0, pid: process.pid, notes };
  process.stdout.write(`concur serve: settings ${JSON.stringify(settings)}\n`);
  process.stdout.write(`concur serve: listening on http://127.0.0.1:${server.address().port}\n`);
});
if (a['parent-watch']) {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}
