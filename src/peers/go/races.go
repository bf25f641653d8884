package main

// The race workloads and the lag probe.
//
// race and race-await: every task adds 1 to two counters --work times. The shared counter is a
// plain int that every goroutine reads and then writes, with no lock: while one goroutine is
// between its read and its write, another one's update is overwritten and lost. The owned counter
// is the Go proverb ("do not communicate by sharing memory; share memory by communicating"): one
// goroutine owns it, and the tasks send it their increments over a channel; it loses nothing.
//   race        read, write, then send: nothing between the read and the write gives the CPU
//               away; goroutines still lose updates when GOMAXPROCS > 1 runs them at the same time
//               (and, rarely, when the runtime preempts one between the two).
//   race-await  read, runtime.Gosched(), write: the goroutine yields between the two, as an await
//               does: it loses updates on one core too.
//
// The lag probe: a goroutine that sleeps 5 ms, again and again, and records how late it woke up
// (now - its deadline), during measured batches. A goroutine that computes without stopping cannot
// hold the others off for long: the runtime preempts it (after about 10 ms), so under CPU work at
// GOMAXPROCS = 1 the lag stays near that slice, where a blocked event loop's grows with the batch.

import (
	"runtime"
	"time"
)

func isRace(workload string) bool {
	return workload == "race" || workload == "race-await"
}

// raceCounters is one batch's shared state.
type raceCounters struct {
	shared int64         // read and written by every task, no lock
	feed   chan struct{} // increments for the owner
	owned  int64         // written by the owner goroutine only
	done   chan struct{} // closed when the owner has counted every increment
}

func newRaceCounters() *raceCounters {
	c := &raceCounters{feed: make(chan struct{}, 1024), done: make(chan struct{})}
	go func() { // the owner: the only goroutine that touches owned
		for range c.feed {
			c.owned++
		}
		close(c.done)
	}()
	return c
}

// add is one task's increments; yield makes it race-await.
func (c *raceCounters) add(increments uint64, yield bool) {
	for k := uint64(0); k < increments; k++ {
		seen := c.shared // read ...
		if yield {
			runtime.Gosched() // ... give the CPU away, as an await does ...
		}
		c.shared = seen + 1 // ... write what was read + 1: an update made in between is lost
		c.feed <- struct{}{}
	}
}

// raceBatch runs one batch of race or race-await and says what the counters lost.
func raceBatch(p *params, b *batch) map[string]int64 {
	c := newRaceCounters()
	yield := p.workload == "race-await"
	runTasks(p, p.tasks, func(i int) uint32 {
		c.add(p.work, yield)
		return uint32(p.work) // each task returns its increment count: a lost task fails the checksum
	}, b)
	close(c.feed)
	<-c.done
	expected := int64(p.tasks) * int64(p.work)
	return map[string]int64{"updates": expected, "lost": expected - c.shared, "syncLost": expected - c.owned}
}

const lagPeriod = 5 * time.Millisecond

// lagProbe records, while it runs, how late each of its 5 ms sleeps ends, in microseconds.
type lagProbe struct {
	stop    chan struct{}
	samples chan []int64
}

func startLagProbe() *lagProbe {
	pr := &lagProbe{stop: make(chan struct{}), samples: make(chan []int64, 1)}
	go func() {
		samples := []int64{}
		timer := time.NewTimer(lagPeriod)
		deadline := time.Now().Add(lagPeriod)
		for {
			select {
			case <-pr.stop:
				timer.Stop()
				// a sleep overdue when the batch ends counts as late as it is by now
				if late := time.Since(deadline).Microseconds(); late > 0 {
					samples = append(samples, late)
				}
				pr.samples <- samples
				return
			case <-timer.C:
				now := time.Now() // when this goroutine runs again, not when the timer fired
				late := now.Sub(deadline).Microseconds()
				if late < 0 {
					late = 0
				}
				samples = append(samples, late)
				deadline = now.Add(lagPeriod) // fixed delay, as the JVM's loop probe: lag never piles up
				timer.Reset(lagPeriod)
			}
		}
	}()
	return pr
}

// end stops the probe and returns its samples.
func (pr *lagProbe) end() []int64 {
	close(pr.stop)
	return <-pr.samples
}

// lastRace is the last race batch's counts, for its batch line (set and read by the main goroutine).
var lastRace map[string]int64

// probeFor starts the lag probe for a measured batch; nil for a warm-up batch.
func probeFor(phase string) *lagProbe {
	if phase != "measure" {
		return nil
	}
	return startLagProbe()
}

// batchExtras is what a batch line carries beyond the protocol's core fields: the lag probe's
// samples (measured batches) and a race batch's counts.
func batchExtras(probe *lagProbe) []interface{} {
	var out []interface{}
	if probe != nil {
		out = append(out, "lag", probe.end())
	}
	if lastRace != nil {
		out = append(out, "race", lastRace)
		lastRace = nil
	}
	return out
}
