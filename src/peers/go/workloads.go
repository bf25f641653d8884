package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// A batch hands every task to the model and returns when all are done: how many completed, the
// checksum of what they returned, and the most tasks alive at once (started, not yet finished).
type batch struct {
	count atomic.Uint64
	sum   atomic.Uint32
	alive atomic.Int64
	peak  atomic.Int64
	rt    map[string]uint64 // what the runtime said of itself at hold's gate; nil otherwise
}

// run runs task i and counts it alive while it runs.
func (b *batch) run(i int, task func(i int) uint32) {
	now := b.alive.Add(1)
	for p := b.peak.Load(); now > p && !b.peak.CompareAndSwap(p, now); p = b.peak.Load() {
	}
	v := task(i)
	b.alive.Add(-1)
	b.sum.Add(term(i, v))
	b.count.Add(1)
}

// A task of io, cpu or mixed: wait (a blocking sleep: the goroutine parks, its thread runs others),
// then compute. The value does not depend on the wait.
func staged(p *params, i int) uint32 {
	if p.latency > 0 {
		time.Sleep(p.latency)
	}
	return value(i, p.work)
}

// The three ways of running the same tasks (the pipeline's parts are tasks too).
func runTasks(p *params, n int, task func(i int) uint32, b *batch) {
	switch p.model {
	case "go-sequential":
		for i := 0; i < n; i++ {
			b.run(i, task)
		}
	case "go-goroutine": // a goroutine per task
		var wg sync.WaitGroup
		wg.Add(n)
		for i := 0; i < n; i++ {
			go func(i int) {
				defer wg.Done()
				b.run(i, task)
			}(i)
		}
		wg.Wait()
	case "go-pool": // --threads workers fed by a channel
		jobs := make(chan int)
		var wg sync.WaitGroup
		workers := p.threads
		if workers > n {
			workers = n
		}
		wg.Add(workers)
		for w := 0; w < workers; w++ {
			go func() {
				defer wg.Done()
				for i := range jobs {
					b.run(i, task)
				}
			}()
		}
		for i := 0; i < n; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
	default:
		panic("unknown model " + p.model)
	}
}

// The pipeline: producer -> 3 stages -> consumer over channels of 64 items. An item carries its
// number and a value; stage s replaces the value with kernel(value + s, work); the consumer checks
// that the k-th arrival is item k with the value three stages give it.
const stages = 3
const capacity = 64

type item struct {
	k uint64
	v uint32
}

func stage(s int, v uint32, work uint64) uint32 {
	return kernel(v+uint32(s), work)
}

func pipelineTasks(p *params) (int, func(i int) uint32, func() error) {
	chans := make([]chan item, stages+1)
	for i := range chans {
		chans[i] = make(chan item, capacity)
	}
	var failure atomic.Value
	items := uint64(p.tasks)
	task := func(i int) uint32 {
		switch {
		case i == 0: // producer
			for k := uint64(0); k < items; k++ {
				chans[0] <- item{k, uint32(k)}
			}
			close(chans[0])
			return uint32(items)
		case i <= stages: // stage i
			for it := range chans[i-1] {
				chans[i] <- item{it.k, stage(i, it.v, p.work)}
			}
			close(chans[i])
			return 0xFFFFFFFF
		default: // consumer
			var hash uint32
			k := uint64(0)
			for it := range chans[stages] {
				want := uint32(k)
				for s := 1; s <= stages; s++ {
					want = stage(s, want, p.work)
				}
				if it.k != k || it.v != want {
					failure.CompareAndSwap(nil, fmt.Errorf("pipeline: arrival %d is item %d with value %d (expected item %d with %d)", k, it.k, it.v, k, want))
				}
				hash = fmix32(hash ^ it.v)
				k++
			}
			if k != items {
				failure.CompareAndSwap(nil, fmt.Errorf("pipeline: %d of %d items arrived", k, items))
			}
			return hash
		}
	}
	check := func() error {
		if e, ok := failure.Load().(error); ok {
			return e
		}
		return nil
	}
	return stages + 2, task, check
}

// hold's task: io's, behind a start gate. Each task counts itself started and waits until the
// gate opens; the N-th to start opens it (closing a channel releases every goroutine waiting on
// it), so all N are alive at once before any waits its latency. Just before it opens the gate, the
// N-th reads what the runtime says of itself: ReadMemStats stops the world, so once per batch.
func holdTask(p *params, b *batch) func(i int) uint32 {
	var started atomic.Int64
	gate := make(chan struct{})
	return func(i int) uint32 {
		if started.Add(1) == int64(p.tasks) {
			b.rt = readRuntime()
			close(gate)
		}
		<-gate
		return staged(p, i)
	}
}

// readRuntime is what Go says of its memory and goroutines. Not inlined, on purpose: a MemStats is
// about 5 KB, and a local of that size in the task's own frame would grow every goroutine's stack
// from 2 KB to 8 KB (the frame is sized for every path, taken or not), measuring the peer, not Go.
//
//go:noinline
func readRuntime() map[string]uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return map[string]uint64{"stackInuse": m.StackInuse, "heapInuse": m.HeapInuse,
		"goroutines": uint64(runtime.NumGoroutine())}
}

// runBatch runs one whole batch of the workload under the model.
func runBatch(p *params) (*batch, error) {
	b := &batch{}
	switch p.workload {
	case "io", "cpu", "mixed":
		runTasks(p, p.tasks, func(i int) uint32 { return staged(p, i) }, b)
		return b, nil
	case "hold":
		runTasks(p, p.tasks, holdTask(p, b), b)
		return b, nil
	case "race", "race-await":
		lastRace = raceBatch(p, b)
		return b, nil
	case "pipeline":
		n, task, check := pipelineTasks(p)
		runTasks(p, n, task, b)
		return b, check()
	default:
		return nil, fmt.Errorf("go peer: no %s workload", p.workload)
	}
}
