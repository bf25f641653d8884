package dev.concur.workload;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded channel for code that runs on one event-loop thread (like a Go channel inside one
 * goroutine scheduler, or an asyncio.Queue): {@link #put} and {@link #take} return futures that
 * complete when there is room or an item. Not thread-safe by design: every call happens on the loop.
 */
final class LoopChannel<T> {
    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<T>> takers = new ArrayDeque<>();
    private final ArrayDeque<Object[]> putters = new ArrayDeque<>(); // {item, future}

    LoopChannel(int capacity) {
        this.capacity = capacity;
    }

    CompletableFuture<Void> put(T item) {
        if (!takers.isEmpty()) {
            takers.poll().complete(item);
            return CompletableFuture.completedFuture(null);
        }
        if (items.size() < capacity) {
            items.add(item);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        putters.add(new Object[] {item, f});
        return f;
    }

    @SuppressWarnings("unchecked")
    CompletableFuture<T> take() {
        if (!items.isEmpty()) {
            T item = items.poll();
            if (!putters.isEmpty()) { // room again: admit the oldest waiting putter
                Object[] p = putters.poll();
                items.add((T) p[0]);
                ((CompletableFuture<Void>) p[1]).complete(null);
            }
            return CompletableFuture.completedFuture(item);
        }
        if (!putters.isEmpty()) {
            Object[] p = putters.poll();
            ((CompletableFuture<Void>) p[1]).complete(null);
            return CompletableFuture.completedFuture((T) p[0]);
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        takers.add(f);
        return f;
    }
}
