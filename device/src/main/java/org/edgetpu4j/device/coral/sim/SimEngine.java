package org.edgetpu4j.device.coral.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.edgetpu4j.device.coral.pkg.Bitstream;
import org.edgetpu4j.device.coral.pkg.DmaHint;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.FieldOffset;
import org.edgetpu4j.device.coral.pkg.Meta;
import org.edgetpu4j.device.coral.usb.Ep1Stream;

/**
 * The simulated chip's execution model. An instruction DMA starts a run of the executable whose
 * chunk it is (same bytes apart from the linked address fields); each later DMA must match the
 * run's next DMA hint. Each OUTPUT hint becomes a readable segment on 0x81 whose byte k is {@code
 * (13k + 7r + 1) mod 256} (r counts runs that produce outputs, from 1); each INTERRUPT hint queues
 * a 16-byte event with tag 4 + type on 0x82.
 */
final class SimEngine {
  private final List<Executable> executables = new ArrayList<>();
  private final Consumer<String> warn;
  final Deque<byte[]> segments = new ArrayDeque<>();
  final Deque<byte[]> events = new ArrayDeque<>();
  private Executable current;
  private int cursor;
  private boolean runCounted;
  private int runs;
  boolean suppressEvents;
  int inputsSeen;

  SimEngine(Consumer<String> warn) {
    this.warn = warn;
  }

  void load(List<Executable> exes) {
    for (Executable e : exes) {
      if (!executables.contains(e)) {
        executables.add(e);
      }
    }
  }

  /** True when {@code payload} is chunk {@code b} with only its address fields changed. */
  static boolean sameChunk(Bitstream b, byte[] payload) {
    if (b.bits().length != payload.length) {
      return false;
    }
    byte[] x = b.bits().clone();
    byte[] y = payload.clone();
    for (FieldOffset f : b.fieldOffsets()) {
      for (int k = 0; k < 32; k++) {
        int bit = f.offsetBit() + k;
        x[bit >>> 3] &= (byte) ~(1 << (bit & 7));
        y[bit >>> 3] &= (byte) ~(1 << (bit & 7));
      }
    }
    return java.util.Arrays.equals(x, y);
  }

  void reset() {
    segments.clear();
    events.clear();
    current = null;
  }

  void onDma(Ep1Stream.Dma dma) {
    int len = dma.payload().length;
    if (dma.tag() == 1) {
      inputsSeen++;
    }
    if (current == null) {
      if (dma.tag() != 0) {
        warn.accept("DMA tag " + dma.tag() + " (" + len + " bytes) arrived outside any run");
        return;
      }
      for (Executable e : executables) {
        if (!e.hints().isEmpty()
            && e.hints().get(0) instanceof DmaHint.Instruction i
            && sameChunk(e.bitstreams().get(i.chunk()), dma.payload())) {
          current = e;
          cursor = 1;
          runCounted = false;
          advance();
          return;
        }
      }
      warn.accept("instruction DMA of " + len + " bytes matches no executable");
      return;
    }
    DmaHint h = current.hints().get(cursor);
    boolean ok;
    if (h instanceof DmaHint.Instruction i) {
      ok = dma.tag() == 0 && sameChunk(current.bitstreams().get(i.chunk()), dma.payload());
    } else if (h instanceof DmaHint.Descriptor d) {
      ok =
          d.infeed()
              && d.size() == len
              && dma.tag() == (d.meta().desc() == Meta.Desc.PARAMETER ? 2 : 1);
    } else {
      ok = false;
    }
    if (!ok) {
      warn.accept(
          "DMA tag " + dma.tag() + " of " + len + " bytes does not match hint " + cursor + " " + h);
    }
    cursor++;
    advance();
  }

  /** Runs the device-side hints (outputs, interrupts, fences) up to the next host DMA. */
  private void advance() {
    while (current != null && cursor < current.hints().size()) {
      DmaHint h = current.hints().get(cursor);
      if (h instanceof DmaHint.Descriptor d && !d.infeed()) {
        if (!runCounted) {
          runs++;
          runCounted = true;
        }
        byte[] seg = new byte[d.size()];
        for (int k = 0; k < seg.length; k++) {
          seg[k] = (byte) (13 * k + 7 * runs + 1);
        }
        segments.add(seg);
      } else if (h instanceof DmaHint.Interrupt i) {
        if (!suppressEvents) {
          byte[] ev = new byte[16];
          ev[12] = (byte) (4 + i.type());
          events.add(ev);
        }
      } else if (!(h instanceof DmaHint.Fence)) {
        return;
      }
      cursor++;
    }
    current = null;
  }
}
