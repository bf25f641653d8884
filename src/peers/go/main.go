// concur's Go peer: runs one concur workload under one Go concurrency model and reports every
// batch on stdout in concur's line protocol (docs/peers.md). concur starts it, pinned to the
// cores of --cores with GOMAXPROCS set to match, checks every batch's count and checksum against
// the JVM's own reference, and measures the times reported here like those of a JMH fork.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"
)

type params struct {
	model, workload       string
	tasks, threads, cores int
	latency               time.Duration
	work                  uint64
	iterations            int
	iteration             time.Duration
	warmup                string
	warmupCap             time.Duration
	warmupCapBatches      int
	warmupIteration       time.Duration
}

var out = bufio.NewWriter(os.Stdout)

// emit writes one protocol line and flushes it: concur reads lines as they come.
func emit(fields ...interface{}) {
	line := "{"
	for i := 0; i < len(fields); i += 2 {
		if i > 0 {
			line += ","
		}
		v, _ := json.Marshal(fields[i+1])
		line += strconv.Quote(fields[i].(string)) + ":" + string(v)
	}
	out.WriteString(line + "}\n")
	out.Flush()
}

func fail(err error) {
	emit("t", "error", "message", err.Error())
	os.Exit(1)
}

// timed runs one batch, reports it, and returns its time.
func timed(p *params, phase string, it int) time.Duration {
	if phase == "measure" {
		emit("t", "begin", "it", it)
	}
	probe := probeFor(phase)
	start := time.Now()
	b, err := runBatch(p)
	took := time.Since(start)
	if err != nil {
		fail(err)
	}
	fields := []interface{}{"t", "batch", "phase", phase, "it", it, "ns", took.Nanoseconds(),
		"count", b.count.Load(), "sum", b.sum.Load(), "alive", b.peak.Load()}
	if b.rt != nil {
		fields = append(fields, "rt", b.rt)
	}
	emit(append(fields, batchExtras(probe)...)...)
	return took
}

// steadySpread is concur's steady-state rule: the largest distance of the last 3 batch times from
// their median, in per cent of it (steady when at most 10).
func steadySpread(times []time.Duration) (float64, bool) {
	if len(times) < 3 {
		return 0, false
	}
	last := append([]time.Duration(nil), times[len(times)-3:]...)
	sort.Slice(last, func(i, j int) bool { return last[i] < last[j] })
	median := float64(last[1])
	worst := 0.0
	for _, t := range last {
		d := (float64(t) - median) / median * 100
		if d < 0 {
			d = -d
		}
		if d > worst {
			worst = d
		}
	}
	return worst, true
}

func warmUp(p *params) {
	if p.warmup != "auto" {
		n, _ := strconv.Atoi(p.warmup)
		for it := 0; it < n; it++ {
			for start := time.Now(); ; {
				timed(p, "warmup", it)
				if time.Since(start) >= p.warmupIteration {
					break
				}
			}
		}
		return
	}
	var times []time.Duration
	start := time.Now()
	for {
		times = append(times, timed(p, "warmup", 0))
		spread, known := steadySpread(times)
		steady := known && spread <= 10
		elapsed := time.Since(start)
		if steady || (elapsed >= p.warmupCap && len(times) >= 3) || len(times) >= p.warmupCapBatches {
			if known {
				emit("t", "warmup", "batches", len(times), "ns", elapsed.Nanoseconds(), "steady", steady, "spread", spread)
			} else {
				emit("t", "warmup", "batches", len(times), "ns", elapsed.Nanoseconds(), "steady", steady, "spread", nil)
			}
			return
		}
	}
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" { // the HTTP server under load (server.go)
		serve(os.Args[2:])
		return
	}
	p := &params{}
	var latencyNs, iterationMs, warmupCapMs, warmupIterMs int64
	flag.StringVar(&p.model, "model", "go-goroutine", "model")
	flag.StringVar(&p.workload, "workload", "io", "workload")
	flag.IntVar(&p.tasks, "tasks", 2000, "tasks per batch")
	flag.Int64Var(&latencyNs, "latency-ns", 0, "wait per task")
	flag.Uint64Var(&p.work, "work", 0, "CPU rounds per task")
	flag.IntVar(&p.threads, "threads", 200, "pool size of go-pool")
	flag.IntVar(&p.cores, "cores", runtime.NumCPU(), "cores (GOMAXPROCS is set by concur)")
	flag.IntVar(&p.iterations, "iterations", 10, "measured iterations")
	flag.Int64Var(&iterationMs, "iteration-ms", 200, "iteration length")
	flag.StringVar(&p.warmup, "warmup", "auto", "auto or a number of fixed iterations")
	flag.Int64Var(&warmupCapMs, "warmup-cap-ms", 2500, "adaptive warm-up time cap")
	flag.IntVar(&p.warmupCapBatches, "warmup-cap-batches", 100, "adaptive warm-up batch cap")
	flag.Int64Var(&warmupIterMs, "warmup-iteration-ms", 200, "fixed warm-up iteration length")
	flag.Parse()
	p.latency = time.Duration(latencyNs)
	p.iteration = time.Duration(iterationMs) * time.Millisecond
	p.warmupCap = time.Duration(warmupCapMs) * time.Millisecond
	p.warmupIteration = time.Duration(warmupIterMs) * time.Millisecond

	gogc := debug.SetGCPercent(100) // reads the GC percent in force (GOGC, default 100); the next line restores it
	debug.SetGCPercent(gogc)
	gogcText := strconv.Itoa(gogc)
	if gogc < 0 {
		gogcText = "off"
	}
	emit("t", "hello", "runtime", runtime.Version(), "pid", os.Getpid(), "cores", runtime.GOMAXPROCS(0),
		"settings", map[string]string{"GOMAXPROCS": strconv.Itoa(runtime.GOMAXPROCS(0)), "GOGC": gogcText})
	// concur reads the idle program's memory now, then says "go" (by hand: echo go | ...)
	if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); strings.TrimSpace(line) != "go" {
		fail(fmt.Errorf("expected the line 'go' on stdin after hello, got %q (%v)", line, err))
	}
	switch p.workload {
	case "io", "cpu", "mixed", "pipeline", "race", "race-await":
	case "hold": // every task waits for all N to start: only a goroutine per task can hold N at once
		if p.model != "go-goroutine" {
			fail(fmt.Errorf("%s cannot hold %d tasks at once: hold runs on go-goroutine", p.model, p.tasks))
		}
	default:
		fail(fmt.Errorf("no %s workload in the Go peer", p.workload))
	}
	warmUp(p)
	for it := 0; it < p.iterations; it++ {
		for start := time.Now(); ; {
			timed(p, "measure", it)
			if time.Since(start) >= p.iteration {
				break
			}
		}
	}
	emit("t", "done")
}
