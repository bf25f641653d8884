package dev.concur.server;

import dev.concur.workload.CpuWork;

/**
 * One request as the contract reads it (docs/servers.md): either a task, {@code GET /task/<i>?wait=&work=},
 * or an error to answer, with whether the connection stays open after the answer.
 *
 * @param status     200 for a task; 404 (not {@code /task/<i>}) or 400 (a bad value, or a request that could
 *                   not be parsed) otherwise
 * @param index      the task index, 0 ≤ i < 2³¹
 * @param waitMicros how long to wait before computing, in microseconds (at most 60 s)
 * @param work       the CPU rounds of {@link CpuWork} (at most 10⁹)
 * @param keepAlive  the connection stays open after the answer: HTTP/1.1 without {@code Connection: close},
 *                   HTTP/1.0 with {@code Connection: keep-alive}; never after a request that could not be parsed
 * @param http10     the client spoke HTTP/1.0 (its keep-alive must then be confirmed in the answer)
 */
record Request(int status, int index, long waitMicros, long work, boolean keepAlive, boolean http10) {

    /** A request line or header that cannot be parsed, or a method other than GET: 400, then close. */
    static final Request MALFORMED = new Request(400, 0, 0, 0, false, false);

    static Request task(int index, long waitMicros, long work, boolean keepAlive, boolean http10) {
        return new Request(200, index, waitMicros, work, keepAlive, http10);
    }

    static Request error(int status, boolean keepAlive, boolean http10) {
        return new Request(status, 0, 0, 0, keepAlive, http10);
    }

    boolean isTask() {
        return status == 200;
    }

    long waitNanos() {
        return waitMicros * 1_000;
    }

    /** What the task answers: {@code value(i, work)}, an unsigned 32-bit number. Costs {@code work} rounds. */
    long value() {
        return CpuWork.compute(index, work);
    }
}
