package main

// go-http, concur's Go server under load (docs/servers.md): `concur-peer-go serve --model go-http`.
// net/http's own server, as a Go programmer would write it: a goroutine per connection, the wait
// a time.Sleep in the handler, then value(i, work) of kernel.go.

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var taskPath = regexp.MustCompile(`^/task/([0-9]{1,10})$`)

// task answers GET /task/<i>?wait=<µs>&work=<rounds>.
func task(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Connection", "close") // net/http closes the connection after this response
		answer(w, http.StatusBadRequest, "only GET\n")
		return
	}
	m := taskPath.FindStringSubmatch(r.URL.Path)
	i, err := uint64(0), error(nil)
	if m != nil {
		i, err = strconv.ParseUint(m[1], 10, 64)
	}
	if m == nil || err != nil || i >= 1<<31 {
		answer(w, http.StatusNotFound, "no such task\n")
		return
	}
	q := r.URL.Query()
	wait, okWait := bounded(q.Get("wait"), 60_000_000)
	work, okWork := bounded(q.Get("work"), 1_000_000_000)
	if !okWait || !okWork {
		answer(w, http.StatusBadRequest, "wait is 0 to 60000000 microseconds, work 0 to 1000000000 rounds\n")
		return
	}
	time.Sleep(time.Duration(wait) * time.Microsecond)
	answer(w, http.StatusOK, strconv.FormatUint(uint64(value(int(i), work)), 10))
}

// bounded reads a query value of decimal digits, at most max; absent is 0.
func bounded(s string, max uint64) (uint64, bool) {
	if s == "" {
		return 0, true
	}
	if strings.TrimLeft(s, "0123456789") != "" {
		return 0, false
	}
	v, err := strconv.ParseUint(s, 10, 64)
	return v, err == nil && v <= max
}

func answer(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// limitListener closes, as soon as it is accepted, a connection that would make more than max open
// at once (golang.org/x/net/netutil's LimitListener makes it wait instead, and is not stdlib).
type limitListener struct {
	net.Listener
	max  int64
	open atomic.Int64
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		if l.open.Add(1) <= l.max {
			return &countedConn{Conn: c, l: l}, nil
		}
		l.open.Add(-1)
		c.Close()
	}
}

type countedConn struct {
	net.Conn
	l    *limitListener
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() { c.l.open.Add(-1) })
	return c.Conn.Close()
}

// somaxconn is the backlog Go's net.Listen asks for: the kernel's net.core.somaxconn.
func somaxconn() int {
	b, err := os.ReadFile("/proc/sys/net/core/somaxconn")
	if n, e := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && e == nil {
		return n
	}
	return 128 // syscall.SOMAXCONN, what Go falls back to
}

func serve(args []string) {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	model := fs.String("model", "", "the server: go-http")
	port := fs.Int("port", 0, "TCP port on 127.0.0.1 (0: a free one)")
	fs.Int("threads", 200, "not used: a goroutine per connection")
	backlog := fs.Int("backlog", 4096, "listen backlog (not settable: Go asks for net.core.somaxconn)")
	maxConns := fs.Int("max-connections", 0, "connections open at once; over it a new one is closed (0: no limit)")
	parentWatch := fs.Bool("parent-watch", false, "exit when stdin reaches end of file")
	fs.Parse(args)
	if *model != "go-http" {
		fmt.Fprintf(os.Stderr, "the Go peer serves --model go-http, not %q\n", *model)
		os.Exit(2)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	listenBacklog := somaxconn()
	notes := []string{
		"a goroutine per connection (net/http), GOMAXPROCS " + strconv.Itoa(runtime.GOMAXPROCS(0)),
		"http.Server IdleTimeout, ReadTimeout, ReadHeaderTimeout and WriteTimeout left at 0, their default: no time-out, idle connections stay open",
	}
	if *backlog != listenBacklog {
		notes = append(notes, fmt.Sprintf("--backlog %d not honoured: the standard library listens with net.core.somaxconn (%d) and cannot set a listener's backlog", *backlog, listenBacklog))
	}
	if *maxConns > 0 {
		ln = &limitListener{Listener: ln, max: int64(*maxConns)}
		notes = append(notes, "--max-connections: a counting net.Listener closes each connection over the limit once accepted")
	}
	settings, _ := json.Marshal(struct {
		Model              string   `json:"model"`
		Runtime            string   `json:"runtime"`
		Threads            int      `json:"threads"`
		Backlog            int      `json:"backlog"`
		MaxConnections     int      `json:"maxConnections"`
		IdleTimeoutSeconds int      `json:"idleTimeoutSeconds"`
		Pid                int      `json:"pid"`
		Notes              []string `json:"notes"`
	}{*model, runtime.Version(), 0, listenBacklog, *maxConns, 0, os.Getpid(), notes})
	fmt.Printf("concur serve: settings %s\n", settings)
	fmt.Printf("concur serve: listening on http://%s\n", ln.Addr())
	if *parentWatch {
		go func() {
			io.Copy(io.Discard, os.Stdin)
			os.Exit(0)
		}()
	}
	srv := &http.Server{Handler: http.HandlerFunc(task)} // zero time-outs: none (see notes)
	fmt.Fprintln(os.Stderr, srv.Serve(ln))
	os.Exit(1)
}
