package org.edgetpu4j.device.coral.sim;

import org.edgetpu4j.device.coral.usb.TimeSource;

/** A clock that only moves when someone sleeps or waits on it: simulated time, no real delay. */
public final class VirtualClock implements TimeSource {
  private long now;

  @Override
  public synchronized long millis() {
    return now;
  }

  @Override
  public synchronized void sleep(long ms) {
    advance(ms);
  }

  /** Moves time forward by {@code ms}. */
  public synchronized void advance(long ms) {
    if (ms > 0) {
      now += ms;
    }
  }
}
