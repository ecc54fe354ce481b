package org.edgetpu4j.device.cpu.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Ranges are covered exactly once, in at most as many chunks as threads; failures propagate. */
class ParallelTest {
  @Test
  void coversEveryElementOnceWithDistinctWorkers() {
    Parallel p = Parallel.of(3);
    for (int n : new int[] {1, 2, 7, 100}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(n);
      Set<Integer> workers = ConcurrentHashMap.newKeySet();
      Set<String> threads = ConcurrentHashMap.newKeySet();
      p.forRange(
          n,
          Parallel.DEFAULT_MIN_WORK,
          (from, to, worker) -> {
            assertThat(workers.add(worker)).isTrue();
            threads.add(Thread.currentThread().getName());
            for (int i = from; i < to; i++) {
              seen.incrementAndGet(i);
            }
          });
      for (int i = 0; i < n; i++) {
        assertThat(seen.get(i)).isEqualTo(1);
      }
      assertThat(workers).hasSize(Math.min(3, n)).allSatisfy(w -> assertThat(w).isBetween(0, 2));
      assertThat(threads).hasSize(Math.min(3, n));
    }
  }

  @Test
  void smallWorkStaysOnTheCallersThread() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Parallel.of(4).forRange(8, 1, (from, to, w) -> threads.add(Thread.currentThread().getName()));
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void aFailureInAWorkerReachesTheCaller() {
    assertThatThrownBy(
            () ->
                Parallel.of(2)
                    .forRange(
                        10,
                        Parallel.DEFAULT_MIN_WORK,
                        (from, to, worker) -> {
                          if (worker == 1) {
                            throw new IllegalStateException("boom");
                          }
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
  }

  @Test
  void zeroThreadsIsRefused() {
    assertThatThrownBy(() -> Parallel.of(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
