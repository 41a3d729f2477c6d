package org.rulesascode.nssf.population.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps a stream of inputs on several threads and hands the outputs to a sink <b>in input order</b>, with a bounded
 * number of inputs in flight: memory stays flat whatever the length of the stream. The calling thread reads the
 * input and runs the sink; {@code threads} workers run the function on batches.
 */
public final class OrderedParallel {
    private OrderedParallel() { }

    /** Inputs per task. */
    public static final int BATCH = 256;
    /** Tasks in flight per worker thread. */
    public static final int TASKS_PER_THREAD = 4;

    /**
     * @param input    the inputs, read on the calling thread
     * @param function what to do with one input; runs on the workers; must be thread-safe
     * @param sink     receives every output in input order, on the calling thread
     * @param threads  worker threads, at least 1
     * @param afterBatch called on the calling thread after each batch is sunk (progress), may be null
     * @throws RuntimeException the first exception thrown by {@code function} or {@code sink}, after stopping the workers
     */
    public static <I, O> void run(Iterator<I> input, Function<I, O> function, Consumer<O> sink, int threads, Runnable afterBatch)
            throws InterruptedException {
        runBatches(input, batch -> {
            List<O> out = new ArrayList<>(batch.size());
            for (I i : batch) out.add(function.apply(i));
            return out;
        }, sink, threads, afterBatch);
    }

    /**
     * As {@link #run}, with a function that maps a whole batch of inputs (up to {@link #BATCH}) to as many outputs, in
     * order: for work that is cheaper done for several inputs at once.
     */
    public static <I, O> void runBatches(Iterator<I> input, Function<List<I>, List<O>> function, Consumer<O> sink, int threads, Runnable afterBatch)
            throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads < 1");
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "nssf-population-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<List<O>>> inFlight = new ArrayDeque<>();
        int maxInFlight = threads * TASKS_PER_THREAD;
        try {
            while (input.hasNext()) {
                List<I> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && input.hasNext()) batch.add(input.next());
                inFlight.add(pool.submit(() -> {
                    List<O> out = function.apply(batch);
                    if (out.size() != batch.size()) throw new IllegalStateException(out.size() + " outputs for " + batch.size() + " inputs");
                    return out;
                }));
                while (inFlight.size() >= maxInFlight) drain(inFlight.poll(), sink, afterBatch);
            }
            while (!inFlight.isEmpty()) drain(inFlight.poll(), sink, afterBatch);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <O> void drain(Future<List<O>> f, Consumer<O> sink, Runnable afterBatch) throws InterruptedException {
        List<O> out;
        try {
            out = f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
        for (O o : out) sink.accept(o);
        if (afterBatch != null) afterBatch.run();
    }
}
