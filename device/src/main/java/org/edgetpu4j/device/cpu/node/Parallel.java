package org.edgetpu4j.device.cpu.node;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits the work of one operator over up to {@link #threads()} threads: the caller's and workers
 * of one pool shared by every interpreter of the process. A range {@code [0, n)} is cut into
 * contiguous chunks, one per thread; each chunk is told its worker number so that it can use
 * scratch memory of its own. Kernels compute each element of a range the same way whatever chunk it
 * falls in, so results do not depend on the thread count. When the pool is busy with another
 * interpreter's operator, the range runs on the caller's thread alone (same results).
 */
public final class Parallel {
  /** Everything on the caller's thread. */
  public static final Parallel SERIAL = new Parallel(1);

  /** Work on the chunk {@code [from, to)} as worker {@code worker} (0 is the caller). */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to, int worker);
  }

  /**
   * System property: the least work (multiply-adds) worth a chunk of its own, default {@value
   * #DEFAULT_MIN_WORK}; read when a plan is made.
   */
  public static final String MIN_WORK_PROPERTY = "edgetpu4j.parallel.minwork";

  static final int DEFAULT_MIN_WORK = 1 << 16;

  private final int threads;
  private final long minWork;

  private Parallel(int threads) {
    this.threads = threads;
    this.minWork = Math.max(1, Long.getLong(MIN_WORK_PROPERTY, DEFAULT_MIN_WORK));
  }

  /** Splitting over {@code threads} threads (1 means serial). */
  public static Parallel of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return threads == 1 ? SERIAL : new Parallel(threads);
  }

  /** The most threads a range is split over. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} over {@code [0, n)} split in at most {@link #threads()} chunks, each worth at
   * least the minimum work when an element is worth {@code workPerElement}; returns when all chunks
   * are done.
   */
  public void forRange(int n, long workPerElement, Range body) {
    long grain = Math.max(1, (minWork + workPerElement - 1) / Math.max(1, workPerElement));
    int chunks = (int) Math.min(threads, Math.max(1, n / grain));
    if (chunks <= 1 || !Pool.SHARED.run(chunks, n, body)) {
      body.run(0, n, 0);
    }
  }

  /** Worker threads shared by every interpreter; one operator uses them at a time. */
  static final class Pool {
    static final Pool SHARED = new Pool();
    private static final long SPIN_NANOS = 50_000;

    private final ReentrantLock lock = new ReentrantLock();
    private Worker[] workers = new Worker[0];
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread waiter;
    private volatile Throwable failure;

    /** Runs the chunks; false when another operator holds the pool. */
    boolean run(int chunks, int n, Range body) {
      if (!lock.tryLock()) {
        return false;
      }
      try {
        grow(chunks - 1);
        failure = null;
        waiter = Thread.currentThread();
        pending.set(chunks - 1);
        for (int i = 1; i < chunks; i++) {
          int from = (int) ((long) n * i / chunks);
          int to = (int) ((long) n * (i + 1) / chunks);
          int worker = i;
          workers[i - 1].submit(() -> body.run(from, to, worker));
        }
        body.run(0, (int) ((long) n / chunks), 0);
        long start = System.nanoTime();
        while (pending.get() > 0) {
          if (System.nanoTime() - start < SPIN_NANOS) {
            Thread.onSpinWait();
          } else {
            LockSupport.parkNanos(this, 100_000);
          }
        }
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
          throw r;
        } else if (f instanceof Error e) {
          throw e;
        } else if (f != null) {
          throw new IllegalStateException(f);
        }
        return true;
      } finally {
        lock.unlock();
      }
    }

    private void grow(int count) {
      if (workers.length >= count) {
        return;
      }
      Worker[] w = java.util.Arrays.copyOf(workers, count);
      for (int i = workers.length; i < count; i++) {
        w[i] = new Worker(this, i + 1);
      }
      workers = w;
    }

    void done(Throwable t) {
      if (t != null) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(waiter);
      }
    }
  }

  /** One daemon worker thread: spins briefly for the next task, then parks. */
  static final class Worker implements Runnable {
    private final Pool pool;
    private final Thread thread;
    private volatile Runnable task;

    Worker(Pool pool, int number) {
      this.pool = pool;
      this.thread = new Thread(this, "edgetpu4j-cpu-worker-" + number);
      thread.setDaemon(true);
      thread.start();
    }

    void submit(Runnable r) {
      task = r;
      LockSupport.unpark(thread);
    }

    @Override
    public void run() {
      while (true) {
        Runnable r = task;
        long start = System.nanoTime();
        while (r == null) {
          if (System.nanoTime() - start < Pool.SPIN_NANOS) {
            Thread.onSpinWait();
          } else {
            LockSupport.park(this);
          }
          r = task;
        }
        task = null;
        Throwable t = null;
        try {
          r.run();
        } catch (Throwable e) {
          t = e;
        }
        pool.done(t);
      }
    }
  }
}
