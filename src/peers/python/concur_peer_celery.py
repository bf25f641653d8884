"""The Celery side of concur's python-celery model.

concur starts, on loopback, a redis-server (broker and result backend) and a worker of this app
(prefork pool, concurrency = cores, on a queue of its own):

    python3 -m celery -A concur_peer_celery worker --pool=prefork --concurrency=N -Q QUEUE

The peer (concur_peer.py --model python-celery) sends every task of a batch with apply_async and
waits for every result, as a web application that offloads work to Celery would.
"""
import os
import time
import types

from celery import Celery

import concur_peer

URL = os.environ.get("CONCUR_REDIS_URL", "redis://127.0.0.1:6379/0")
app = Celery("concur_peer_celery", broker=URL, backend=URL)
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"],
                worker_prefetch_multiplier=1, broker_connection_retry_on_startup=True,
                worker_hijack_root_logger=False)


@app.task(name="concur.staged")
def staged(i, latency, work):
    """One task of io, cpu or mixed: the same function every Python model runs."""
    return concur_peer.staged(i, latency, work)


def client(url, queue, wait_seconds=60):
    """The app pointed at concur's broker, once a worker answers on the queue."""
    app.conf.broker_url = url
    app.conf.result_backend = url
    deadline = time.time() + wait_seconds
    while time.time() < deadline:
        try:
            # a real round trip through the broker and a worker: the readiness that matters
            if staged.apply_async((0, 0, 0), queue=queue).get(timeout=2) == concur_peer.value(0, 0):
                return types.SimpleNamespace(staged=staged)
        except Exception:
            time.sleep(0.2)
    raise RuntimeError(f"no Celery worker answered on queue {queue} within {wait_seconds} s")
