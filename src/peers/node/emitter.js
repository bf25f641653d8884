#!/usr/bin/env node
// concur's EventEmitter experiment (course question 1.3): what Node's EventEmitter costs, and when
// its listeners run. Not a concur workload (nothing here has a JVM reference to check against): a
// standalone program that prints one JSON object per line, run by `node src/peers/node/emitter.js`.
//
//   throughput  emit N events to K listeners that each add the event's value to a sum: events/s
//               and listener calls/s. The sums are checked, so no call is skipped.
//   dispatch    one listener that busy-waits --listener-ms (10 ms). `emit()` calls its listeners
//               synchronously, before it returns: the caller waits the 10 ms, and so does every
//               timer on the loop (the 5 ms lag probe fires late). Deferred with setImmediate, the
//               emit returns at once, but the listener still runs on the same loop later: the
//               caller no longer waits, the loop still does.
'use strict';

const { EventEmitter } = require('node:events');

const LAG_PERIOD_MS = 5;

function args() {
  const a = { events: 1_000_000, listeners: '1,10,100', 'listener-ms': 10, emits: 20, 'gap-ms': 20 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in a)) {
      console.error(`emitter: unknown option --${k}`);
      process.exit(2);
    }
    a[k] = typeof a[k] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
    if (typeof a[k] === 'number' && !(a[k] >= 0)) {
      console.error(`emitter: --${k} must be a number >= 0`);
      process.exit(2);
    }
  }
  return a;
}

const now = () => process.hrtime.bigint();
const micros = (ns) => Number(ns) / 1e3;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(samples) {
  const s = [...samples].sort((x, y) => x - y);
  const ms = (v) => (v === null ? null : Math.round(v) / 1e3);
  return { count: s.length, p50: ms(percentile(s, 50)), p99: ms(percentile(s, 99)), max: ms(s.length ? s[s.length - 1] : null) };
}

// The same probe as the peer's (concur-peer.js): a 5 ms timer re-armed after each firing; a sample
// is how late it fired, in microseconds; one still pending at the end counts as late as it is by then.
class LagProbe {
  constructor() { this.samples = []; this.arm(); }
  arm() {
    this.deadline = now() + BigInt(LAG_PERIOD_MS * 1e6);
    this.timer = setTimeout(() => {
      this.samples.push(Math.max(0, micros(now() - this.deadline)));
      this.arm();
    }, LAG_PERIOD_MS);
  }
  stop() {
    clearTimeout(this.timer);
    const late = micros(now() - this.deadline);
    if (late > 0) this.samples.push(late);
    return this.samples;
  }
}

function throughput(events, k) {
  const e = new EventEmitter();
  e.setMaxListeners(k + 1);
  const sums = new Array(k).fill(0);
  for (let j = 0; j < k; j++) e.on('tick', (v) => { sums[j] += v; });
  const n = Math.max(1, Math.floor(events / k)); // about the same listener calls for every k
  const start = now();
  for (let i = 0; i < n; i++) e.emit('tick', i);
  const ns = Number(now() - start);
  const want = (n * (n - 1)) / 2;
  if (sums.some((s) => s !== want)) throw new Error(`a listener missed events: ${sums[0]} != ${want}`);
  return { t: 'throughput', listeners: k, events: n, ns, eventsPerSec: Math.round(n / (ns / 1e9)),
    callsPerSec: Math.round((n * k) / (ns / 1e9)) };
}

function busyWait(ms) {
  const until = now() + BigInt(Math.round(ms * 1e6));
  while (now() < until) { /* the listener's CPU work: nothing else runs on this loop meanwhile */ }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function dispatch(mode, a) {
  const e = new EventEmitter();
  let calls = 0;
  e.on('job', () => { busyWait(a['listener-ms']); calls++; });
  const returns = [];
  const probe = new LagProbe();
  for (let i = 0; i < a.emits; i++) {
    const start = now();
    if (mode === 'sync') e.emit('job');
    else setImmediate(() => e.emit('job'));
    returns.push(micros(now() - start));
    await sleep(a['gap-ms']); // let the loop run (the deferred listener, the probe) before the next emit
  }
  const lag = probe.stop();
  if (calls !== a.emits) throw new Error(`${calls} of ${a.emits} listener calls ran`);
  return { t: 'dispatch', mode, listenerMs: a['listener-ms'], emits: a.emits, calls,
    emitReturnMs: summary(returns), loopLagMs: summary(lag) };
}

async function main() {
  const a = args();
  const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
  out({ t: 'hello', runtime: 'Node.js ' + process.version, pid: process.pid });
  for (const k of String(a.listeners).split(',').map(Number)) out(throughput(a.events, k));
  out(await dispatch('sync', a));
  out(await dispatch('setImmediate', a));
  out({ t: 'done' });
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ t: 'error', message: String(e && e.message ? e.message : e) }) + '\n');
  process.exitCode = 1;
});
