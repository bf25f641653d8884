#!/usr/bin/env node
// concur's Node.js peer: one concur workload under one Node.js concurrency model, every batch
// reported on stdout in concur's line protocol (docs/peers.md). concur starts it pinned to the
// cores of --cores, checks each batch's count and checksum against the JVM's own reference and
// measures the times reported here like those of a JMH fork.
//
//   node-sequential  each task awaited in turn: Node's baseline
//   node-eventloop   Promise.all on the one event loop; waits are setTimeout; emit and emit-deferred: an EventEmitter
//   node-workers     a worker_threads pool of cores; each worker is an event loop of its own
//   node-rxjs        RxJS: from(tasks) with mergeMap over timer(); the pipeline as a chain of operators with an
//                    asynchronous hop (observeOn) between stages, and no back-pressure
'use strict';

const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const { EventEmitter, once } = require('node:events');

// ---- the kernel and the checksum: exactly concur's (CpuWork.java, kernel v2) ------------------
// 32-bit integers with Math.imul and >>> 0: no BigInt anywhere, the same work as every runtime.
const GOLDEN = 0x9E3779B9, SEED = 0x5DEECE66, MUL = 0x2545F491;

function fmix32(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85EBCA6B);
  h ^= h >>> 13;
  h = Math.imul(h, 0xC2B2AE35);
  h ^= h >>> 16;
  return h >>> 0;
}

function kernel(x, rounds) {
  x |= 0;
  for (let r = 0; r < rounds; r++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x = Math.imul(x, MUL);
  }
  return fmix32(x);
}

const value = (i, rounds) => kernel(Math.imul(i + 1, GOLDEN) ^ SEED, rounds);
const term = (i, v) => fmix32((v ^ fmix32(i)) >>> 0);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- a worker of node-workers: runs the tasks it is sent, answers with their values ------------
if (!isMainThread) {
  const { latencyMs, work } = workerData;
  parentPort.on('message', async (ids) => {
    const values = await Promise.all(ids.map(async (i) => {
      if (latencyMs > 0) await sleep(latencyMs);
      return value(i, work);
    }));
    parentPort.postMessage(values);
  });
  return;
}

// ---- the protocol -------------------------------------------------------------------------------
function emit(fields) {
  process.stdout.write(JSON.stringify(fields) + '\n');
}

function args() {
  const a = { model: 'node-eventloop', workload: 'io', tasks: 2000, 'latency-ns': 0, work: 0, threads: 200,
    cores: require('node:os').availableParallelism?.() ?? 1, iterations: 10, 'iteration-ms': 200, warmup: 'auto',
    'warmup-cap-ms': 2500, 'warmup-cap-batches': 100, 'warmup-iteration-ms': 200 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    a[k] = typeof a[k] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return a;
}

// A batch's completions and checksum, and the tasks alive (started, not finished) on this loop:
// peak stays null where the tasks run on other threads (node-workers) or are not tasks (RxJS's chain).
class Batch {
  constructor() { this.count = 0; this.sum = 0; this.alive = 0; this.peak = null; this.rt = null; }
  complete(i, v) { this.count++; this.sum = (this.sum + term(i, v)) >>> 0; }
  started() { this.alive++; if (this.peak === null || this.alive > this.peak) this.peak = this.alive; }
  finished() { this.alive--; }
}

// hold's start gate: a promise that the N-th task to start resolves, so all N are alive at once
// before any waits its latency. At that moment the runtime says what it holds.
function startGate(n, b) {
  let open;
  const opened = new Promise((resolve) => { open = resolve; });
  let started = 0;
  return () => {
    if (++started === n) {
      const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
      b.rt = { heapUsed, external, arrayBuffers, rss };
      open();
    }
    return opened;
  };
}

// ---- the pipeline: producer -> 3 stages -> consumer over bounded channels of 64 items ----------
const STAGES = 3, CAPACITY = 64;
const stageValue = (s, v, work) => kernel((v + s) >>> 0, work);
function expected(k, work) {
  let v = k >>> 0;
  for (let s = 1; s <= STAGES; s++) v = stageValue(s, v, work);
  return v;
}

// A bounded channel built on an EventEmitter: put waits for room, take waits for an item.
class Channel extends EventEmitter {
  constructor() { super(); this.items = []; this.closed = false; }
  async put(item) {
    while (this.items.length >= CAPACITY) await once(this, 'taken');
    this.items.push(item);
    this.emit('put');
  }
  async take() {
    while (this.items.length === 0) await once(this, 'put');
    const item = this.items.shift();
    this.emit('taken');
    return item;
  }
}

function pipelineParts(items, work) {
  const ch = Array.from({ length: STAGES + 1 }, () => new Channel());
  const END = null;
  const producer = async () => {
    for (let k = 0; k < items; k++) await ch[0].put([k, k >>> 0]);
    await ch[0].put(END);
    return items;
  };
  const stage = (s) => async () => {
    for (;;) {
      const it = await ch[s - 1].take();
      if (it === END) { await ch[s].put(END); return 0xFFFFFFFF; }
      await ch[s].put([it[0], stageValue(s, it[1], work)]);
    }
  };
  const consumer = async () => {
    let h = 0;
    for (let k = 0; ; k++) {
      const it = await ch[STAGES].take();
      if (it === END) {
        if (k !== items) throw new Error(`pipeline: ${k} of ${items} items arrived`);
        return h;
      }
      if (it[0] !== k || it[1] !== expected(k, work)) {
        throw new Error(`pipeline: arrival ${k} is item ${it[0]} with value ${it[1]} (expected item ${k} with ${expected(k, work)})`);
      }
      h = fmix32((h ^ it[1]) >>> 0);
    }
  };
  return [producer, stage(1), stage(2), stage(3), consumer];
}

// ---- the race workloads and the lag probe --------------------------------------------------------
// race and race-await: every task adds 1 to two counters --work times. The shared one is read, then
// written as what was read + 1; the synchronised one is updated in one statement. On one loop only an
// await lets another task run between the read and the write:
//   race        read -> write: no await between, so no other task runs there: nothing is lost.
//   race-await  read -> `await null` -> write: the await ends the task's turn (its rest is queued as a
//               microtask behind every other task's), so all the tasks read the same value before
//               any writes: updates are lost. Even an await of a value that is already there yields.
class RaceCounters {
  constructor() { this.shared = 0; this.synced = 0; }
}

async function raceTask(c, work, yieldBetween) {
  for (let k = 0; k < work; k++) {
    const seen = c.shared; // read ...
    c.synced++; //            (the synchronised counter: one statement, nothing runs in between)
    if (yieldBetween) await null; // ... every other task's queued turn runs now ...
    c.shared = seen + 1; //   ... write what was read + 1: their updates are lost
  }
  return work;
}

// ---- the emit workloads: Node's EventEmitter -------------------------------------------------------
// Each task is one event, emitted to LISTENERS listeners that each run --work rounds of the kernel on it, in
// turn; the event's value is the sum of theirs (EmitWorkload.java). An event is alive from its emit until its
// last listener ran:
//   emit           emitter.emit(event): the listeners run inside the call, which returns after the last one.
//                  The caller's next emit comes only then: one event alive at a time, and the loop waits too.
//   emit-deferred  setImmediate(() => emitter.emit(event)): the call returns at once, the listeners run later
//                  on the same loop. All N are emitted before any listener runs (N alive at once), and the loop
//                  still runs every listener: deferring frees the caller, not the loop.
const LISTENERS = 2;
const seed = (i) => Math.imul(i + 1, GOLDEN) ^ SEED;

function emitBatch(b, n, work, deferred) {
  const emitter = new EventEmitter();
  let done;
  const all = new Promise((resolve) => { done = resolve; });
  let left = n;
  for (let j = 0; j < LISTENERS; j++) {
    emitter.on('event', (ev) => {
      ev.sum = (ev.sum + kernel((seed(ev.i) + j) | 0, work)) >>> 0;
      if (++ev.calls === LISTENERS) {
        b.finished();
        b.complete(ev.i, ev.sum);
        if (--left === 0) done();
      }
    });
  }
  for (let i = 0; i < n; i++) {
    const ev = { i, sum: 0, calls: 0 };
    b.started();
    if (deferred) setImmediate(() => emitter.emit('event', ev));
    else emitter.emit('event', ev);
  }
  return n === 0 ? Promise.resolve(b) : all.then(() => b);
}

// A 5 ms setTimeout that re-arms itself (fixed delay, as the JVM loop's probe) and records how late
// each one fired, in microseconds; a loop busy with CPU work serves it late. Runs during measured batches.
// Microtasks (`await null`) run before any timer: a batch that only awaits settled promises starves it.
const LAG_PERIOD_MS = 5;
class LagProbe {
  constructor() { this.samples = []; this.arm(); }
  arm() {
    this.deadline = process.hrtime.bigint() + BigInt(LAG_PERIOD_MS * 1e6);
    this.timer = setTimeout(() => {
      const late = Number(process.hrtime.bigint() - this.deadline) / 1e3;
      this.samples.push(Math.max(0, Math.round(late)));
      this.arm();
    }, LAG_PERIOD_MS);
  }
  // a timer overdue when the batch ends (a loop blocked to the end never fired it) counts as late as it is by now
  stop() {
    clearTimeout(this.timer);
    const late = Number(process.hrtime.bigint() - this.deadline) / 1e3;
    if (late > 0) this.samples.push(Math.round(late));
    return this.samples;
  }
}

// ---- the models ---------------------------------------------------------------------------------
class Runner {
  constructor(a) {
    this.a = a;
    this.latencyMs = a['latency-ns'] / 1e6;
    if (a.model === 'node-workers') {
      this.workers = Array.from({ length: a.cores }, () =>
        new Worker(__filename, { workerData: { latencyMs: this.latencyMs, work: a.work } }));
    }
    if (a.model === 'node-rxjs') this.rx = require('rxjs');
  }

  async task(i, b) {
    b.started();
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    b.finished();
    return value(i, this.a.work);
  }

  // hold's task: io's, behind the start gate
  async held(i, b, arrive) {
    b.started();
    await arrive();
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    b.finished();
    return value(i, this.a.work);
  }

  async race(b) {
    const a = this.a, c = new RaceCounters(), n = a.tasks, work = a.work, yieldBetween = a.workload === 'race-await';
    let values;
    if (a.model === 'node-sequential') {
      values = [];
      for (let i = 0; i < n; i++) values.push(await raceTask(c, work, yieldBetween));
    } else if (a.model === 'node-eventloop') {
      values = await Promise.all(Array.from({ length: n }, () => raceTask(c, work, yieldBetween)));
    } else {
      throw new Error(`${a.model} has no ${a.workload} workload (its tasks share no object)`);
    }
    values.forEach((v, i) => b.complete(i, v));
    const expected = n * work;
    b.race = { updates: expected, lost: expected - c.shared, syncLost: expected - c.synced };
    return b;
  }

  async batch() {
    const a = this.a, b = new Batch(), n = a.tasks;
    if (a.workload === 'race' || a.workload === 'race-await') return this.race(b);
    if (a.workload === 'emit' || a.workload === 'emit-deferred') {
      if (a.model !== 'node-eventloop') throw new Error(`${a.model} has no ${a.workload} workload: it runs on node-eventloop`);
      return emitBatch(b, n, a.work, a.workload === 'emit-deferred');
    }
    if (a.workload === 'pipeline') {
      if (a.model === 'node-rxjs') {
        (await this.rxPipeline()).forEach((v, i) => b.complete(i, v));
        return b;
      }
      const parts = pipelineParts(n, a.work);
      if (a.model === 'node-sequential') throw new Error('node-sequential cannot run the pipeline');
      const counted = async (part) => { b.started(); try { return await part(); } finally { b.finished(); } };
      (await Promise.all(parts.map(counted))).forEach((v, i) => b.complete(i, v));
      return b;
    }
    if (a.workload === 'hold') {
      if (a.model !== 'node-eventloop') throw new Error(`${a.model} cannot hold ${n} tasks at once: hold runs on node-eventloop`);
      const arrive = startGate(n, b);
      (await Promise.all(Array.from({ length: n }, (_, i) => this.held(i, b, arrive)))).forEach((v, i) => b.complete(i, v));
      return b;
    }
    switch (a.model) {
      case 'node-sequential':
        for (let i = 0; i < n; i++) b.complete(i, await this.task(i, b));
        break;
      case 'node-eventloop':
        (await Promise.all(Array.from({ length: n }, (_, i) => this.task(i, b)))).forEach((v, i) => b.complete(i, v));
        break;
      case 'node-workers': {
        // task i goes to worker i mod cores; each worker answers with its tasks' values, in order
        const shares = this.workers.map((_, w) => Array.from({ length: n }, (_, i) => i).filter((i) => i % this.workers.length === w));
        const answers = await Promise.all(this.workers.map((w, k) => new Promise((resolve, reject) => {
          const onMessage = (values) => { w.off('error', onError); resolve(values); };
          const onError = (e) => { w.off('message', onMessage); reject(e); };
          w.once('message', onMessage);
          w.once('error', onError);
          w.postMessage(shares[k]);
        })));
        answers.forEach((values, w) => values.forEach((v, j) => b.complete(shares[w][j], v)));
        break;
      }
      case 'node-rxjs': {
        const { from, timer, of, mergeMap, map, toArray, lastValueFrom } = this.rx;
        const values = await lastValueFrom(from(Array.from({ length: n }, (_, i) => i)).pipe(
          mergeMap((i) => {
            b.started();
            return (this.latencyMs > 0 ? timer(this.latencyMs) : of(0)).pipe(map(() => { b.finished(); return [i, value(i, a.work)]; }));
          }),
          toArray()));
        values.forEach(([i, v]) => b.complete(i, v));
        break;
      }
      default:
        throw new Error(`unknown model ${a.model}`);
    }
    return b;
  }

  // The pipeline as a chain of operators shaped as Reactor's (ReactiveModel.runStream: the source subscribed on a
  // scheduler, then publishOn -> map(stage) three times, publishOn -> reduce): here each publishOn is a hop,
  // concatMap over a promise, so an item reaches the next operator when its promise resolves, a microtask later
  // (the same kind of hop as an await on node-eventloop's channels), in order: 4 asynchronous hops per item. The
  // consumer is the reduce that checks arrival order. Unlike Reactor's publishOn, which asks upstream for at most
  // 64 items at a time, concatMap asks for nothing: RxJS has no back-pressure, so the source emits every item at
  // once and each hop buffers all that arrive while its promise is pending. (observeOn(asapScheduler) hops the
  // same way, but its queue is an array shifted once per item: 2-5x slower at 2,000 items on a 2-core machine.)
  async rxPipeline() {
    const { range, map, concatMap, reduce, subscribeOn, asapScheduler, lastValueFrom } = this.rx;
    const { tasks: items, work } = this.a;
    const hop = () => concatMap(async (it) => it);
    const stage = (s) => map(([k, v]) => [k, stageValue(s, v, work)]);
    const checked = await lastValueFrom(range(0, items).pipe(
      subscribeOn(asapScheduler), map((k) => [k, k >>> 0]),
      hop(), stage(1), hop(), stage(2), hop(), stage(3), hop(),
      reduce(([h, k], it) => {
        if (it[0] !== k || it[1] !== expected(k, work)) {
          throw new Error(`pipeline: arrival ${k} is item ${it[0]} (expected item ${k})`);
        }
        return [fmix32((h ^ it[1]) >>> 0), k + 1];
      }, [0, 0])));
    if (checked[1] !== items) throw new Error(`pipeline: ${checked[1]} of ${items} items arrived`);
    return [items, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, checked[0]];
  }

  close() {
    for (const w of this.workers ?? []) w.terminate();
  }
}

function spreadOf(times) { // concur's steady-state rule: the last 3 within 10 % of their median
  if (times.length < 3) return null;
  const last = times.slice(-3).sort((x, y) => x - y);
  return Math.max(...last.map((t) => Math.abs(t - last[1]) / last[1] * 100));
}

/** The first line of a stream, or null at its end; stops reading it after that line. */
async function firstLine(input) {
  const lines = require('node:readline').createInterface({ input });
  for await (const line of lines) return line; // leaving the loop closes the interface
  return null;
}

async function main() {
  const a = args();
  emit({ t: 'hello', runtime: 'Node.js ' + process.version, pid: process.pid, cores: a.cores,
    settings: { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE || '4' } }); // libuv's pool: file I/O, dns
  let runner;
  try {
    // concur reads the idle program's memory now, then says "go" (by hand: echo go | ...)
    const line = await firstLine(process.stdin);
    if (line?.trim() !== 'go') throw new Error(`expected the line 'go' on stdin after hello, got ${JSON.stringify(line)}`);
    if (!['io', 'cpu', 'mixed', 'pipeline', 'hold', 'race', 'race-await', 'emit', 'emit-deferred'].includes(a.workload)) throw new Error(`no ${a.workload} workload in the Node.js peer`);
    runner = new Runner(a);
    const timed = async (phase, it) => {
      if (phase === 'measure') emit({ t: 'begin', it });
      const probe = phase === 'measure' ? new LagProbe() : null;
      const start = process.hrtime.bigint();
      const b = await runner.batch();
      const ns = Number(process.hrtime.bigint() - start);
      emit({ t: 'batch', phase, it, ns, count: b.count, sum: b.sum, lag: probe?.stop(), race: b.race,
        ...(b.peak === null ? {} : { alive: b.peak }), ...(b.rt === null ? {} : { rt: b.rt }) });
      return ns;
    };
    if (a.warmup === 'auto') {
      const times = [], start = process.hrtime.bigint();
      for (;;) {
        times.push(await timed('warmup', 0));
        const spread = spreadOf(times), steady = spread !== null && spread <= 10;
        const elapsed = Number(process.hrtime.bigint() - start);
        if (steady || (elapsed >= a['warmup-cap-ms'] * 1e6 && times.length >= 3) || times.length >= a['warmup-cap-batches']) {
          emit({ t: 'warmup', batches: times.length, ns: elapsed, steady, spread });
          break;
        }
      }
    } else {
      for (let it = 0; it < Number(a.warmup); it++) {
        const start = process.hrtime.bigint();
        do await timed('warmup', it); while (Number(process.hrtime.bigint() - start) < a['warmup-iteration-ms'] * 1e6);
      }
    }
    for (let it = 0; it < a.iterations; it++) {
      const start = process.hrtime.bigint();
      do await timed('measure', it); while (Number(process.hrtime.bigint() - start) < a['iteration-ms'] * 1e6);
    }
    emit({ t: 'done' });
    runner.close();
  } catch (e) {
    emit({ t: 'error', message: String(e && e.message ? e.message : e) });
    process.exitCode = 1;
    if (runner) runner.close();
  }
}

// run as a program; required (concur-server.js), it only lends its kernel
if (require.main === module) main();
module.exports = { value };
