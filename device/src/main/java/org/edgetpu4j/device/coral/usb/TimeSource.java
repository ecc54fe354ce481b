package org.edgetpu4j.device.coral.usb;

/** Time as the driver sees it: the system clock, or a virtual clock in simulation. */
public interface TimeSource {
  /** Milliseconds since an arbitrary origin. */
  long millis();

  /** Waits {@code ms} milliseconds (advances a virtual clock instead of sleeping). */
  void sleep(long ms) throws InterruptedException;

  /** The system clock. */
  TimeSource SYSTEM =
      new TimeSource() {
        @Override
        public long millis() {
          return System.nanoTime() / 1_000_000L;
        }

        @Override
        public void sleep(long ms) throws InterruptedException {
          Thread.sleep(ms);
        }
      };
}
