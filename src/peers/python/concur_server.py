#!/usr/bin/env python3
"""concur's Python servers under load (docs/servers.md), each the way its framework is written:

  python-asyncio    asyncio.start_server (streams) on one loop, a minimal HTTP/1.1 parser by hand;
                    waits are asyncio.sleep
  python-twisted    twisted.web's Site on one reactor; a Resource answers after deferLater
  python-threading  http.server.ThreadingHTTPServer: a thread per connection, one GIL; time.sleep

    python3 concur_server.py --model python-asyncio --port 0 --backlog 4096 --parent-watch

Each prints its settings and the port it listens on, then answers GET /task/<i>?wait=<µs>&work=<rounds>
with value(i, work) of concur_peer's kernel. Standard library only, apart from Twisted.
"""
import argparse
import asyncio
import json
import os
import platform
import re
import sys
import threading
import time
from urllib.parse import parse_qsl

from concur_peer import value

TASK = re.compile(r"/task/([0-9]{1,10})")
LIMITS = {"wait": 60_000_000, "work": 1_000_000_000}
OK, BAD_REQUEST, NOT_FOUND = 200, 400, 404


def task_of(target):
    """(status, i, wait in seconds, work) for a request target: 200 for a task, else 404 or 400."""
    path, _, query = target.partition("?")
    m = TASK.fullmatch(path)
    if not m or int(m[1]) >= 2**31:
        return NOT_FOUND, 0, 0, 0
    q = dict(parse_qsl(query))
    wait, work = (q.get(name, "0") for name in ("wait", "work"))
    for name, v in (("wait", wait), ("work", work)):
        if not (v.isascii() and v.isdigit() and int(v) <= LIMITS[name]):
            return BAD_REQUEST, 0, 0, 0
    return OK, int(m[1]), int(wait) / 1e6, int(work)


def announce(a, runtime, notes, port):
    settings = {"model": a.model, "runtime": runtime, "threads": 0, "backlog": a.backlog,
                "maxConnections": a.max_connections, "idleTimeoutSeconds": 0, "pid": os.getpid(), "notes": notes}
    print("concur serve: settings " + json.dumps(settings, separators=(",", ":")), flush=True)
    print(f"concur serve: listening on http://127.0.0.1:{port}", flush=True)


def on_stdin_eof(stop):
    """--parent-watch: calls stop (from another thread) once standard input reaches end of file."""
    def watch():
        while os.read(sys.stdin.fileno(), 4096):
            pass
        stop()
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


PYTHON = f"python {platform.python_version()}"


# ---- python-asyncio: streams and a request parser written by hand --------------------------------

REASONS = {OK: b"OK", BAD_REQUEST: b"Bad Request", NOT_FOUND: b"Not Found"}


def response(status, body, close=False):
    return b"HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n%s\r\n%s" % (
        status, REASONS[status], len(body), b"Connection: close\r\n" if close else b"", body)


async def refuse(writer):
    """A request that cannot be parsed: 400, and the connection is closed."""
    writer.write(response(BAD_REQUEST, b"bad request\n", close=True))
    await writer.drain()
    return False


async def exchange(reader, writer):
    """Reads one request and answers it; False when the connection is to be closed."""
    try:
        line = await reader.readline()
        while line in (b"\r\n", b"\n"):  # an empty line before a request line is allowed (RFC 9112)
            line = await reader.readline()
        head = []
        while (h := await reader.readline()) not in (b"\r\n", b"\n", b""):
            head.append(h)
    except ValueError:  # a line longer than the StreamReader's limit
        return await refuse(writer)
    if not h:
        return False  # the client closed, before or within a request
    parts = line.decode("latin-1").split()
    fields = [h.decode("latin-1").partition(":") for h in head]
    headers = {name.strip().lower(): v.strip().lower() for name, colon, v in fields if colon}
    if (len(parts) != 3 or parts[2] not in ("HTTP/1.0", "HTTP/1.1") or len(headers) != len(fields)
            or parts[0] != "GET" or headers.get("content-length", "0") != "0" or "transfer-encoding" in headers):
        return await refuse(writer)
    keep = parts[2] == "HTTP/1.1" and "close" not in headers.get("connection", "")
    status, i, wait, work = task_of(parts[1])
    if status == OK:
        if wait:
            await asyncio.sleep(wait)
        body = b"%d" % value(i, work)
    else:
        body = b"no such task\n" if status == NOT_FOUND else b"wait is 0 to 60000000, work 0 to 1000000000\n"
    writer.write(response(status, body, close=not keep))
    await writer.drain()
    return keep


async def serve_asyncio(a):
    open_connections = 0

    async def connection(reader, writer):
        nonlocal open_connections
        if a.max_connections and open_connections >= a.max_connections:
            writer.close()
            return
        open_connections += 1
        try:
            while await exchange(reader, writer):
                pass
        except ConnectionError:
            pass
        finally:
            open_connections -= 1
            writer.close()

    server = await asyncio.start_server(connection, "127.0.0.1", a.port, backlog=a.backlog)
    notes = ["one event loop, a task per connection; a request line or header longer than the StreamReader's "
             "limit (64 KiB, its default) is a 400",
             "HTTP/1.0 requests are answered, then the connection is closed"]
    if a.max_connections:
        notes.append("--max-connections: a connection over the limit is closed as the handler starts")
    announce(a, PYTHON, notes, server.sockets[0].getsockname()[1])
    stopped = asyncio.Event()
    if a.parent_watch:
        loop = asyncio.get_running_loop()
        on_stdin_eof(lambda: loop.call_soon_threadsafe(stopped.set))
    await stopped.wait()  # until the parent goes; SIGTERM ends the process, SIGINT interrupts asyncio.run
    server.close()  # then asyncio.run cancels the connections' tasks


# ---- python-twisted: twisted.web on one reactor -------------------------------------------------

def serve_twisted(a):
    import twisted
    from twisted.internet import defer, reactor, task
    from twisted.protocols import policies
    from twisted.web import resource, server

    class Tasks(resource.Resource):
        isLeaf = True

        def render(self, request):
            request.setHeader(b"content-type", b"text/plain")
            if request.method != b"GET":
                request.setHeader(b"connection", b"close")
                channel = request.channel  # a finished request lets go of its channel: close it then
                request.notifyFinish().addBoth(lambda _: channel.loseConnection())
                return self.answer(request, BAD_REQUEST, b"only GET\n")
            status, i, wait, work = task_of(request.uri.decode("latin-1"))
            if status != OK:
                return self.answer(request, status, b"no such task\n" if status == NOT_FOUND else b"bad wait or work\n")
            d = task.deferLater(reactor, wait, value, i, work)

            def reply(v):
                request.write(self.answer(request, OK, b"%d" % v))
                request.finish()

            d.addCallback(reply)
            d.addErrback(lambda f: f.trap(defer.CancelledError))
            request.notifyFinish().addErrback(lambda _: d.cancel())  # the client left: no answer
            return server.NOT_DONE_YET

        @staticmethod
        def answer(request, status, body):
            request.setResponseCode(status)
            request.setHeader(b"content-length", b"%d" % len(body))
            return body

    class Site(server.Site):
        def log(self, request):
            pass  # no access log: the other servers log nothing per request

    site = Site(Tasks())
    notes = [f"one reactor ({type(reactor).__name__}, the default)",
             f"Site's idle time-out (HTTPFactory timeOut, {site.timeOut} s by default) set to None: "
             "idle connections stay open",
             "no access log (Site.log does nothing; by default a line per request is formatted into Twisted's log)"]
    site.timeOut = None
    factory = site
    if a.max_connections:
        factory = policies.ThrottlingFactory(site, maxConnectionCount=a.max_connections)
        notes.append("--max-connections: twisted.protocols.policies.ThrottlingFactory closes a connection over it")
    port = reactor.listenTCP(a.port, factory, backlog=a.backlog, interface="127.0.0.1")
    announce(a, f"{PYTHON}, twisted {twisted.__version__}", notes, port.getHost().port)
    if a.parent_watch:
        on_stdin_eof(lambda: reactor.callFromThread(reactor.stop))
    reactor.run()  # the reactor stops itself on SIGTERM and SIGINT


# ---- python-threading: http.server, a thread per connection ------------------------------------

def serve_threading(a):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Tasks(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"        # keep-alive; the default, HTTP/1.0, closes after each answer
        default_request_version = "HTTP/1.1"  # a malformed request line gets a status line, not HTTP/0.9's bare body
        disable_nagle_algorithm = True       # headers and body are two writes: send both at once

        def parse_request(self):
            if not super().parse_request():
                return False
            if self.command != "GET":
                self.send_error(BAD_REQUEST, "only GET")  # send_error adds Connection: close
                return False
            return True

        def do_GET(self):
            status, i, wait, work = task_of(self.path)
            if status == OK:
                if wait:
                    time.sleep(wait)
                body = b"%d" % value(i, work)
            else:
                body = b"no such task\n" if status == NOT_FOUND else b"wait is 0 to 60000000, work 0 to 1000000000\n"
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass  # no line on stderr per request

    class Server(ThreadingHTTPServer):
        request_queue_size = a.backlog  # socketserver's default is 5
        daemon_threads = True           # a connection's thread does not keep the process alive
        open_connections = 0
        lock = threading.Lock()

        def process_request(self, request, client_address):
            with self.lock:
                full = 0 < a.max_connections <= self.open_connections
                if not full:
                    self.open_connections += 1
            if full:
                self.shutdown_request(request)
            else:
                super().process_request(request, client_address)

        def process_request_thread(self, request, client_address):
            try:
                super().process_request_thread(request, client_address)
            finally:
                with self.lock:
                    self.open_connections -= 1

    notes = ["a thread per connection; one thread runs Python at a time (the GIL)",
             f"request_queue_size (listen backlog) {a.backlog}: socketserver's default is 5",
             "protocol_version HTTP/1.1 (keep-alive), default_request_version HTTP/1.1 (a 400 with a status line "
             "for a malformed request line), TCP_NODELAY, no per-request log line; no idle time-out (timeout None)"]
    if a.max_connections:
        notes.append("--max-connections: process_request closes a connection over the limit")
    with Server(("127.0.0.1", a.port), Tasks) as httpd:
        announce(a, PYTHON, notes, httpd.server_address[1])
        if a.parent_watch:
            on_stdin_eof(httpd.shutdown)
        httpd.serve_forever()


SERVERS = {"python-asyncio": lambda a: asyncio.run(serve_asyncio(a)),
           "python-twisted": serve_twisted,
           "python-threading": serve_threading}


def main():
    p = argparse.ArgumentParser(description="concur's Python servers under load (docs/servers.md)")
    p.add_argument("--model", required=True, choices=sorted(SERVERS))
    p.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0: a free one)")
    p.add_argument("--threads", type=int, default=200, help="not used: no server here has a fixed pool")
    p.add_argument("--backlog", type=int, default=4096, help="listen backlog")
    p.add_argument("--max-connections", type=int, default=0, help="connections open at once; 0: no limit")
    p.add_argument("--parent-watch", action="store_true", help="exit when standard input reaches end of file")
    a = p.parse_args()
    try:
        SERVERS[a.model](a)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
