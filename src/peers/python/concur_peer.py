#!/usr/bin/env python3
"""concur's Python peer: one concur workload under one Python concurrency model.

concur starts it (pinned to the cores of --cores), checks every batch's count and checksum against
the JVM's own reference and measures the batch times it reports on stdout in concur's line protocol
(docs/peers.md). Each model is the form a Python programmer would write:

  python-sequential       a plain loop: Python's baseline
  python-asyncio          asyncio.gather on one event loop; waits are asyncio.sleep
  python-threading        ThreadPoolExecutor(--threads); the GIL lets one thread run Python at a time
  python-multiprocessing  multiprocessing.Pool(cores): a process per core, no GIL between them
  python-joblib           joblib.Parallel(n_jobs=cores) with its default (loky, process) backend
  python-dask             dask.delayed + dask.compute(scheduler="processes") on a pool of cores processes
  python-twisted          one Twisted reactor; waits are deferLater
  python-celery           tasks sent to a Celery worker through a Redis broker (both started by concur)

Standard library only, apart from the framework each model is about (Debian's python3-* packages).
"""
import argparse
import asyncio
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

M32 = 0xFFFFFFFF
GOLDEN, SEED, MUL = 0x9E3779B9, 0x5DEECE66, 0x2545F491


# ---- the kernel and the checksum: exactly concur's (CpuWork.java, kernel v2) -------------------

def fmix32(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M32
    h ^= h >> 16
    return h


def kernel(x, rounds):
    for _ in range(rounds):
        x ^= (x << 13) & M32
        x ^= x >> 17
        x ^= (x << 5) & M32
        x = (x * MUL) & M32
    return fmix32(x)


def value(i, rounds):
    return kernel((((i + 1) * GOLDEN) & M32) ^ SEED, rounds)


def term(i, v):
    return fmix32((v & M32) ^ fmix32(i))


# ---- one task of io, cpu or mixed, in its blocking and its async form --------------------------

def staged(i, latency, work):
    if latency > 0:
        time.sleep(latency)
    return value(i, work)


async def staged_async(i, latency, work, b):
    b.started()
    if latency > 0:
        await asyncio.sleep(latency)
    b.finished()
    return value(i, work)


async def held_async(i, latency, work, b, gate):
    """hold's task: io's, behind a start gate that the N-th task to start opens (an asyncio.Event),
    so all N are alive at once before any waits its latency."""
    b.started()
    gate.started += 1
    if gate.started == gate.n:
        b.rt = {"tasks": len(asyncio.all_tasks())}  # the batch's N tasks and the task gathering them
        gate.open.set()
    await gate.open.wait()
    if latency > 0:
        await asyncio.sleep(latency)
    b.finished()
    return value(i, work)


class Gate:
    """hold's start gate: opens once n tasks have started."""

    def __init__(self, n, open_):
        self.n, self.started, self.open = n, 0, open_


def staged_args(args):  # for process pools: one picklable argument
    return staged(*args)


class Batch:
    """Counts completions and sums their terms, and counts the tasks alive (started, not finished)
    where they run in this process; a lock: threads complete concurrently."""

    def __init__(self):
        self.count, self.sum, self.lock = 0, 0, threading.Lock()
        self.alive, self.peak = 0, None  # peak stays None where tasks run in other processes
        self.rt = None  # what the runtime says of itself at hold's gate

    def complete(self, i, v):
        with self.lock:
            self.count += 1
            self.sum = (self.sum + term(i, v)) & M32

    def started(self):
        with self.lock:
            self.alive += 1
            self.peak = max(self.peak or 0, self.alive)

    def finished(self):
        with self.lock:
            self.alive -= 1

    def counted(self, f, *args):
        """f(*args), counted alive while it runs (for tasks on threads)."""
        self.started()
        try:
            return f(*args)
        finally:
            self.finished()


# ---- the pipeline: producer -> 3 stages -> consumer over bounded queues of 64 ------------------

STAGES, CAPACITY, END = 3, 64, None


def stage_value(s, v, work):
    return kernel((v + s) & M32, work)


def expected(k, work):
    v = k & M32
    for s in range(1, STAGES + 1):
        v = stage_value(s, v, work)
    return v


def check_arrival(k, item, work):
    n, v = item
    if n != k or v != expected(k, work):
        raise RuntimeError(f"pipeline: arrival {k} is item {n} with value {v} (expected item {k} with {expected(k, work)})")


def pipeline_threads(items, work, run_parts):
    """The five parts as blocking functions over queue.Queue(64): for threads (and sequential, never)."""
    import queue
    qs = [queue.Queue(CAPACITY) for _ in range(STAGES + 1)]

    def producer():
        for k in range(items):
            qs[0].put((k, k & M32))
        qs[0].put(END)
        return items

    def stage(s):
        def run():
            while True:
                it = qs[s - 1].get()
                if it is END:
                    qs[s].put(END)
                    return M32
                qs[s].put((it[0], stage_value(s, it[1], work)))
        return run

    def consumer():
        h, k = 0, 0
        while True:
            it = qs[STAGES].get()
            if it is END:
                if k != items:
                    raise RuntimeError(f"pipeline: {k} of {items} items arrived")
                return h
            check_arrival(k, it, work)
            h = fmix32(h ^ it[1])
            k += 1

    return run_parts([producer, stage(1), stage(2), stage(3), consumer])


async def counted_async(b, coro):
    """A coroutine, counted alive while it runs."""
    b.started()
    try:
        return await coro
    finally:
        b.finished()


async def pipeline_asyncio(items, work, b):
    qs = [asyncio.Queue(CAPACITY) for _ in range(STAGES + 1)]

    async def producer():
        for k in range(items):
            await qs[0].put((k, k & M32))
        await qs[0].put(END)
        return items

    async def stage(s):
        while True:
            it = await qs[s - 1].get()
            if it is END:
                await qs[s].put(END)
                return M32
            await qs[s].put((it[0], stage_value(s, it[1], work)))

    async def consumer():
        h, k = 0, 0
        while True:
            it = await qs[STAGES].get()
            if it is END:
                if k != items:
                    raise RuntimeError(f"pipeline: {k} of {items} items arrived")
                return h
            check_arrival(k, it, work)
            h = fmix32(h ^ it[1])
            k += 1

    parts = (producer(), stage(1), stage(2), stage(3), consumer())
    return await asyncio.gather(*(counted_async(b, p) for p in parts))


# ---- the race workloads and the lag probe ------------------------------------------------------
#
# race and race-await: every task adds 1 to two counters --work times. The shared one is read, then
# written as what was read + 1, with no lock; the synchronised one is updated in one step that no
# other task can enter (under threads a threading.Lock; on the loop a statement with no await in it).
#   race        read -> the synchronised step -> write. asyncio cannot switch tasks there (no await):
#               it loses nothing. Threads can: the step is a call (CPython checks for a thread switch
#               at calls and backward jumps) and a contended lock hands the GIL over. A bare `x += 1`
#               is not used: on CPython 3.11 it lost no update in 8 threads x 1,000,000 here, since
#               3.10 checks for a switch only at calls and backward jumps, never inside `x += 1`
#               (an implementation detail, not a guarantee the language gives).
#   race-await  read -> the synchronised step -> a yield -> write: `await asyncio.sleep(0)` on the
#               loop (the classic asyncio bug: every other task runs before the write), `os.sched_yield()`
#               in a thread (it gives the GIL and the CPU away, as Java's Thread.yield(); `time.sleep(0)`
#               would too, but it is a 50 us timer sleep on Linux, 50x slower).

class RaceCounters:
    def __init__(self):
        self.shared, self.synced, self.lock = 0, 0, threading.Lock()

    def step(self):
        with self.lock:
            self.synced += 1


def race_blocking(c, work, yield_between):
    for _ in range(work):
        seen = c.shared       # read ...
        c.step()              # (the synchronised counter)
        if yield_between:
            os.sched_yield()  # ... give the GIL and the CPU away ...
        c.shared = seen + 1   # ... write what was read + 1
    return work


async def race_async(c, work, yield_between):
    for _ in range(work):
        seen = c.shared       # read ...
        c.synced += 1         # (the synchronised counter: no await inside, so no other task runs here)
        if yield_between:
            await asyncio.sleep(0)  # ... every other ready task runs now ...
        c.shared = seen + 1   # ... write what was read + 1: their updates are lost
    return work


LAG_PERIOD = 0.005


class LagProbe:
    """A 5 ms timer on the loop that re-arms itself (fixed delay, as the JVM loop's probe); records
    how late each one fired, in microseconds. A loop busy with CPU work serves it late."""

    def __init__(self, loop):
        self.loop, self.samples, self.handle, self.deadline = loop, [], None, 0.0

    def start(self):
        self.deadline = self.loop.time() + LAG_PERIOD
        self.handle = self.loop.call_at(self.deadline, self.fire)

    def fire(self):
        now = self.loop.time()
        self.samples.append(max(0, round((now - self.deadline) * 1e6)))
        self.deadline = now + LAG_PERIOD
        self.handle = self.loop.call_at(self.deadline, self.fire)

    def stop(self):
        """The samples; a timer overdue when the batch ends (the loop never got to it) counts as late as it is by now."""
        if self.handle is not None:
            self.handle.cancel()
        late = self.loop.time() - self.deadline
        if late > 0:
            self.samples.append(round(late * 1e6))
        return self.samples


# ---- the models ---------------------------------------------------------------------------------

class Runner:
    """Runs whole batches of the workload under one model; pools live as long as the runner."""

    def __init__(self, a):
        self.a = a
        self.latency = a.latency_ns / 1e9
        self.pool = None
        m = a.model
        if m == "python-threading":
            self.pool = ThreadPoolExecutor(max_workers=a.threads)
        elif m == "python-multiprocessing":
            import multiprocessing
            self.pool = multiprocessing.Pool(processes=a.cores)
        elif m == "python-joblib":
            from joblib import Parallel
            self.pool = Parallel(n_jobs=a.cores)
            self.pool.__enter__()  # keep the loky workers between batches, as a long-lived app would
        elif m == "python-dask":
            from concurrent.futures import ProcessPoolExecutor
            self.pool = ProcessPoolExecutor(max_workers=a.cores)  # kept between batches, as a long-lived app would
        elif m == "python-twisted":
            self.reactor = TwistedLoop()
        elif m == "python-celery":
            import concur_peer_celery as cc
            self.celery = cc.client(a.redis_url, a.celery_queue)
        elif m == "python-asyncio":
            self.loop = asyncio.new_event_loop()

    def batch(self):
        """One batch: its count, checksum and tasks alive."""
        a, b = self.a, Batch()
        if a.workload in ("race", "race-await"):
            return self.race(b)
        if a.workload == "pipeline":
            values = self.pipeline(b)
            for i, v in enumerate(values):
                b.complete(i, v)
            return b
        n, lat, work = a.tasks, self.latency, a.work
        m = a.model
        if a.workload == "hold":
            self.hold(b, n, lat, work)
        elif m == "python-sequential":
            for i in range(n):
                b.complete(i, b.counted(staged, i, lat, work))
        elif m == "python-asyncio":
            async def main():
                return await asyncio.gather(*(staged_async(i, lat, work, b) for i in range(n)))
            for i, v in enumerate(self.loop.run_until_complete(self.probed(main()))):
                b.complete(i, v)
        elif m == "python-threading":
            futures = [self.pool.submit(b.counted, staged, i, lat, work) for i in range(n)]
            for i, f in enumerate(futures):
                b.complete(i, f.result())
        elif m == "python-multiprocessing":
            # chunksize 1: one task per message, as Celery sends them. Pool.map's default chunking
            # (50 tasks on 2 workers -> chunks of 7) leaves one worker 8 tasks more: ~12 % above ideal.
            # map_async(...).get() is what Pool.map does; the call that hands the batch over is timed apart
            start = time.perf_counter_ns()
            pending = self.pool.map_async(staged_args, [(i, lat, work) for i in range(n)], chunksize=1)
            self.extras["submit"] = time.perf_counter_ns() - start
            for i, v in enumerate(pending.get()):
                b.complete(i, v)
        elif m == "python-joblib":
            from joblib import delayed
            for i, v in enumerate(self.pool(delayed(staged)(i, lat, work) for i in range(n))):
                b.complete(i, v)
        elif m == "python-dask":
            import dask
            tasks = [dask.delayed(staged)(i, lat, work) for i in range(n)]
            for i, v in enumerate(dask.compute(*tasks, scheduler="processes", pool=self.pool)):
                b.complete(i, v)
        elif m == "python-twisted":
            for i, v in enumerate(self.reactor.gather(n, lat, work, b)):
                b.complete(i, v)
        elif m == "python-celery":
            # apply_async returns once the message is on the broker: the caller is free before the work is done
            start = time.perf_counter_ns()
            results = [self.celery.staged.apply_async((i, lat, work), queue=a.celery_queue) for i in range(n)]
            self.extras["submit"] = time.perf_counter_ns() - start
            for i, r in enumerate(results):
                b.complete(i, r.get(timeout=3600))
        else:
            raise RuntimeError(f"unknown model {m}")
        return b

    def hold(self, b, n, lat, work):
        """hold: only the models that can hold all N tasks at once (the others would never open the gate)."""
        m = self.a.model
        if m == "python-asyncio":
            async def main():
                gate = Gate(n, asyncio.Event())
                return await asyncio.gather(*(held_async(i, lat, work, b, gate) for i in range(n)))
            values = self.loop.run_until_complete(main())
        elif m == "python-twisted":
            values = self.reactor.hold(n, lat, work, b)
        else:
            raise RuntimeError(f"{m} cannot hold {n} tasks at once: hold runs on python-asyncio and python-twisted")
        for i, v in enumerate(values):
            b.complete(i, v)

    def pipeline(self, b):
        a, m = self.a, self.a.model
        if m == "python-asyncio":
            return self.loop.run_until_complete(self.probed(pipeline_asyncio(a.tasks, a.work, b)))
        if m == "python-threading":
            def parts(fs):
                futures = [self.pool.submit(b.counted, f) for f in fs]
                return [f.result() for f in futures]
            return pipeline_threads(a.tasks, a.work, parts)
        if m == "python-twisted":
            return self.reactor.pipeline(a.tasks, a.work, b)
        raise RuntimeError(f"{m} has no pipeline")

    measuring = False   # set for measured batches: the lag probe runs only then
    extras = {}         # what the last batch's line carries beyond count and sum

    async def probed(self, batch):
        """Runs a batch on the loop; a measured one with the lag probe armed on the loop beside it."""
        probe = LagProbe(asyncio.get_running_loop()) if self.measuring else None
        if probe:
            probe.start()
        try:
            return await batch
        finally:
            if probe:
                self.extras["lag"] = probe.stop()

    def race(self, b):
        """One batch of race or race-await; the counts go into the batch's line."""
        a, m, c = self.a, self.a.model, RaceCounters()
        n, work, yield_between = a.tasks, a.work, a.workload == "race-await"
        if m == "python-sequential":
            values = [race_blocking(c, work, yield_between) for _ in range(n)]
        elif m == "python-asyncio":
            async def main():
                return await asyncio.gather(*(race_async(c, work, yield_between) for _ in range(n)))
            values = self.loop.run_until_complete(self.probed(main()))
        elif m == "python-threading":
            futures = [self.pool.submit(race_blocking, c, work, yield_between) for _ in range(n)]
            values = [f.result() for f in futures]
        else:
            raise RuntimeError(f"{m} has no {a.workload} workload (its tasks share no memory)")
        for i, v in enumerate(values):
            b.complete(i, v)
        expected = n * work
        self.extras["race"] = {"updates": expected, "lost": expected - c.shared, "syncLost": expected - c.synced}
        return b

    def close(self):
        if self.a.model == "python-joblib":
            self.pool.__exit__(None, None, None)
        elif self.pool is not None:
            if hasattr(self.pool, "terminate"):
                self.pool.terminate()
            else:
                self.pool.shutdown(wait=True)
        if self.a.model == "python-twisted":
            self.reactor.stop()


class TwistedLoop:
    """One Twisted reactor, running in its own thread for the life of the peer; each batch is
    handed to it with callFromThread and waited for, like asyncio.run(gather(...))."""

    def __init__(self):
        from twisted.internet import reactor
        self.reactor = reactor
        self.thread = threading.Thread(target=reactor.run, kwargs={"installSignalHandlers": False}, daemon=True)
        self.thread.start()

    def _run(self, make_deferred):
        done, box = threading.Event(), {}

        def start():
            d = make_deferred()
            d.addCallbacks(lambda r: box.update(result=r), lambda f: box.update(error=f))
            d.addBoth(lambda _: done.set())
        self.reactor.callFromThread(start)
        done.wait()
        if "error" in box:
            box["error"].raiseException()
        return box["result"]

    def gather(self, n, latency, work, b):
        from twisted.internet import defer, task

        def finish(i):
            b.finished()
            return value(i, work)

        def one(i):
            b.started()
            if latency > 0:
                return task.deferLater(self.reactor, latency, finish, i)
            return defer.succeed(finish(i))
        return self._run(lambda: defer.gatherResults([one(i) for i in range(n)], consumeErrors=True))

    def hold(self, n, latency, work, b):
        """hold: each task's Deferred waits at a start gate that the N-th task to start fires."""
        from twisted.internet import defer, task
        waiting = []

        def finish(i):
            b.finished()
            return value(i, work)

        def one(i):
            b.started()
            d = defer.Deferred()
            waiting.append(d)
            d.addCallback(lambda _: task.deferLater(self.reactor, latency, finish, i))
            if len(waiting) == n:  # the gate opens: every task has started
                for w in waiting:
                    w.callback(None)
            return d
        return self._run(lambda: defer.gatherResults([one(i) for i in range(n)], consumeErrors=True))

    def pipeline(self, items, work, b):
        from twisted.internet import defer

        class Channel:  # a bounded channel of Deferreds: put waits while full, get while empty
            def __init__(self):
                self.items, self.getters, self.putters = [], [], []

            def put(self, it):
                if self.getters:
                    self.getters.pop(0).callback(it)
                    return defer.succeed(None)
                if len(self.items) < CAPACITY:
                    self.items.append(it)
                    return defer.succeed(None)
                d = defer.Deferred()
                self.putters.append((it, d))
                return d

            def get(self):
                if self.items:
                    it = self.items.pop(0)
                    if self.putters:
                        nxt, d = self.putters.pop(0)
                        self.items.append(nxt)
                        d.callback(None)
                    return defer.succeed(it)
                if self.putters:
                    nxt, d = self.putters.pop(0)
                    d.callback(None)
                    return defer.succeed(nxt)
                d = defer.Deferred()
                self.getters.append(d)
                return d

        chans = [Channel() for _ in range(STAGES + 1)]

        @defer.inlineCallbacks
        def producer():
            for k in range(items):
                yield chans[0].put((k, k & M32))
            yield chans[0].put(END)
            return items

        @defer.inlineCallbacks
        def stage(s):
            while True:
                it = yield chans[s - 1].get()
                if it is END:
                    yield chans[s].put(END)
                    return M32
                yield chans[s].put((it[0], stage_value(s, it[1], work)))

        @defer.inlineCallbacks
        def consumer():
            h, k = 0, 0
            while True:
                it = yield chans[STAGES].get()
                if it is END:
                    if k != items:
                        raise RuntimeError(f"pipeline: {k} of {items} items arrived")
                    return h
                check_arrival(k, it, work)
                h = fmix32(h ^ it[1])
                k += 1

        def counted(part, *args):  # counted alive from before it starts: inlineCallbacks runs it at once
            b.started()
            return part(*args).addBoth(lambda r: (b.finished(), r)[1])
        parts = [(producer,), (stage, 1), (stage, 2), (stage, 3), (consumer,)]
        return self._run(lambda: defer.gatherResults([counted(*p) for p in parts], consumeErrors=True))

    def stop(self):
        self.reactor.callFromThread(self.reactor.stop)


# ---- the protocol -------------------------------------------------------------------------------

def emit(**fields):
    sys.stdout.write(json.dumps(fields, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def spread_of(times):
    """concur's steady-state rule: the last 3 batch times within 10 % of their median."""
    if len(times) < 3:
        return None
    last = sorted(times[-3:])
    median = last[1]
    return max(abs(t - median) / median * 100 for t in last)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", required=True)
    p.add_argument("--workload", required=True)
    p.add_argument("--tasks", type=int, default=2000)
    p.add_argument("--latency-ns", type=int, default=0)
    p.add_argument("--work", type=int, default=0)
    p.add_argument("--threads", type=int, default=200)
    p.add_argument("--cores", type=int, default=os.cpu_count())
    p.add_argument("--iterations", type=int, default=10)
    p.add_argument("--iteration-ms", type=int, default=200)
    p.add_argument("--warmup", default="auto")
    p.add_argument("--warmup-cap-ms", type=int, default=2500)
    p.add_argument("--warmup-cap-batches", type=int, default=100)
    p.add_argument("--warmup-iteration-ms", type=int, default=200)
    p.add_argument("--redis-url")
    p.add_argument("--celery-queue")
    a = p.parse_args()
    emit(t="hello", runtime="Python " + sys.version.split()[0], pid=os.getpid(), cores=a.cores)
    runner = None
    try:
        # concur reads the idle program's memory now, then says "go" (by hand: echo go | ...)
        line = sys.stdin.readline()
        if line.strip() != "go":
            raise RuntimeError(f"expected the line 'go' on stdin after hello, got {line!r}")
        if a.workload not in ("io", "cpu", "mixed", "pipeline", "hold", "race", "race-await"):
            raise RuntimeError(f"no {a.workload} workload in the Python peer")
        runner = Runner(a)

        def timed(phase, it):
            if phase == "measure":
                emit(t="begin", it=it)
            runner.measuring, runner.extras = phase == "measure", {}
            start = time.perf_counter_ns()
            b = runner.batch()
            took = time.perf_counter_ns() - start
            extra = {} if b.peak is None else {"alive": b.peak}
            if b.rt is not None:
                extra["rt"] = b.rt
            emit(t="batch", phase=phase, it=it, ns=took, count=b.count, sum=b.sum, **extra, **runner.extras)
            return took

        if a.warmup == "auto":
            times, start = [], time.perf_counter_ns()
            while True:
                times.append(timed("warmup", 0))
                spread = spread_of(times)
                steady = spread is not None and spread <= 10
                elapsed = time.perf_counter_ns() - start
                if steady or (elapsed >= a.warmup_cap_ms * 1e6 and len(times) >= 3) or len(times) >= a.warmup_cap_batches:
                    emit(t="warmup", batches=len(times), ns=elapsed, steady=steady, spread=spread)
                    break
        else:
            for it in range(int(a.warmup)):
                start = time.perf_counter_ns()
                while True:
                    timed("warmup", it)
                    if time.perf_counter_ns() - start >= a.warmup_iteration_ms * 1e6:
                        break
        for it in range(a.iterations):
            start = time.perf_counter_ns()
            while True:
                timed("measure", it)
                if time.perf_counter_ns() - start >= a.iteration_ms * 1e6:
                    break
        emit(t="done")
    except Exception as e:  # a failed task or a missing framework: one line, then a non-zero exit
        emit(t="error", message=f"{type(e).__name__}: {e}")
        sys.stdout.flush()
        os._exit(1)
    finally:
        if runner is not None:
            try:
                runner.close()
            except Exception:
                pass


if __name__ == "__main__":
    main()
