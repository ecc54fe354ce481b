package org.edgetpu4j.device.coral.driver;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgetpu4j.device.coral.EdgeTpuException;
import org.edgetpu4j.device.coral.EdgeTpuException.Code;
import org.edgetpu4j.device.coral.pkg.DmaHint;
import org.edgetpu4j.device.coral.pkg.Executable;
import org.edgetpu4j.device.coral.pkg.Meta;
import org.edgetpu4j.device.coral.usb.InTransfer;
import org.edgetpu4j.device.coral.usb.UsbException;

/**
 * Runs one executable: walks its DMA hints in order, sending each infeed DMA on EP 0x01 as an
 * 8-byte header then payload pieces of at most 1 MiB, consuming the 0x81 stream into output buffers
 * and waiting for the completion event, with reads kept posted on 0x81/0x82/0x83.
 */
final class Executor {
  static final int MAX_BULK_OUT = 1 << 20;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Executor.class);

  /** Top-level interrupt 0..3 status registers (write 0 to clear). */
  private static final long[] TOP_LEVEL_INT_STATUS = {0x4c078, 0x4c088, 0x4c098, 0x4c0a8};

  private final UsbIo io;
  private final int outReadSize;
  private final Deque<Pending> outputs = new ArrayDeque<>();
  private final ByteArrayOutputStream spill = new ByteArrayOutputStream();
  private int awaitedEvents;
  private int eventsSeen;

  private static final class Pending {
    final byte[] target;
    int pos;
    final int end;

    Pending(byte[] target, int offset, int size) {
      this.target = target;
      this.pos = offset;
      this.end = offset + size;
    }
  }

  Executor(UsbIo io, int outReadSize) {
    this.io = io;
    this.outReadSize = outReadSize;
  }

  /**
   * Posts the reads libedgetpu keeps pending: one event read, one interrupt read, 8 output reads.
   */
  void postReads() throws EdgeTpuException {
    submit(0x82, 16);
    submit(0x83, 4);
    for (int i = 0; i < 8; i++) {
      submit(0x81, outReadSize);
    }
  }

  private void submit(int ep, int len) throws EdgeTpuException {
    try {
      io.handle.submitIn(ep, len, UsbIo.TIMEOUT_MS);
    } catch (UsbException e) {
      throw UsbIo.map(e, "posting a read on endpoint 0x" + Integer.toHexString(ep));
    }
  }

  /**
   * Runs {@code exe}.
   *
   * @param linked linked instruction chunks
   * @param buffers host buffers by {@link #key(Meta)}; output buffers are filled
   */
  void run(Executable exe, List<byte[]> linked, Map<String, byte[]> buffers)
      throws EdgeTpuException {
    eventsSeen = 0;
    awaitedEvents = 0;
    for (DmaHint h : exe.hints()) {
      if (h instanceof DmaHint.Instruction i) {
        send(0, linked.get(i.chunk()), 0, linked.get(i.chunk()).length);
      } else if (h instanceof DmaHint.Descriptor d && d.infeed()) {
        byte[] buf = buffers.get(key(d.meta()));
        int tag = d.meta().desc() == Meta.Desc.PARAMETER ? 2 : 1;
        if (buf == null) {
          throw new EdgeTpuException(
              Code.INVALID_PACKAGE,
              "input hint names "
                  + d.meta().desc()
                  + " buffer '"
                  + d.meta().name()
                  + "' batch "
                  + d.meta().batch()
                  + ", which the executable does not have");
        }
        if (d.offset() + (long) d.size() <= buf.length) {
          send(tag, buf, d.offset(), d.size());
        } else {
          byte[] padded = new byte[d.size()];
          if (d.offset() < buf.length) {
            System.arraycopy(buf, d.offset(), padded, 0, buf.length - d.offset());
          }
          send(tag, padded, 0, padded.length);
        }
      } else if (h instanceof DmaHint.Descriptor d) {
        byte[] buf = buffers.get(key(d.meta()));
        if (buf == null) {
          throw new EdgeTpuException(
              Code.INVALID_PACKAGE,
              "output hint names "
                  + d.meta().desc()
                  + " buffer '"
                  + d.meta().name()
                  + "', which the executable does not have");
        }
        if (d.offset() + (long) d.size() > buf.length) {
          throw new EdgeTpuException(
              Code.INVALID_PACKAGE,
              "output hint ["
                  + d.offset()
                  + ", "
                  + (d.offset() + d.size())
                  + ") exceeds the "
                  + buf.length
                  + "-byte buffer of "
                  + d.meta().name());
        }
        outputs.add(new Pending(buf, d.offset(), d.size()));
        feedSpill();
      } else if (h instanceof DmaHint.Interrupt) {
        awaitedEvents++;
      } else {
        drain(true);
      }
    }
    drain(true);
  }

  static String key(Meta m) {
    return m.desc() + ":" + m.name() + ":" + (m.desc() == Meta.Desc.PARAMETER ? 0 : m.batch());
  }

  private void send(int tag, byte[] data, int off, int len) throws EdgeTpuException {
    // Single-endpoint mode: nothing goes out while an output DMA is incomplete.
    drain(false);
    byte[] header = {
      (byte) len, (byte) (len >>> 8), (byte) (len >>> 16), (byte) (len >>> 24), (byte) tag, 0, 0, 0
    };
    try {
      io.handle.bulkOut(0x01, header, 0, 8, UsbIo.TIMEOUT_MS);
      for (int p = 0; p < len; p += MAX_BULK_OUT) {
        io.handle.bulkOut(0x01, data, off + p, Math.min(MAX_BULK_OUT, len - p), UsbIo.TIMEOUT_MS);
      }
    } catch (UsbException e) {
      throw UsbIo.map(e, "sending a DMA with tag " + tag + " of " + len + " bytes");
    }
  }

  /** Handles completions until every pending output is filled (and every awaited event seen). */
  private void drain(boolean events) throws EdgeTpuException {
    while (!outputs.isEmpty() || (events && eventsSeen < awaitedEvents)) {
      InTransfer t;
      try {
        t = io.handle.awaitIn(UsbIo.TIMEOUT_MS);
      } catch (UsbException e) {
        if (e.kind() == UsbException.Kind.TIMEOUT) {
          throw new EdgeTpuException(
              Code.TIMEOUT,
              "the device did not "
                  + (outputs.isEmpty() ? "signal completion" : "send its outputs")
                  + " within "
                  + UsbIo.TIMEOUT_MS
                  + " ms",
              e);
        }
        throw UsbIo.map(e, "waiting for the device");
      }
      int before = outputs.size() + spill.size();
      int seen = eventsSeen;
      handle(t);
      if (outputs.size() + spill.size() == before && eventsSeen == seen && t.data().length == 0) {
        if (++idle > MAX_IDLE_COMPLETIONS) {
          throw new EdgeTpuException(
              Code.TIMEOUT,
              "the device completed " + idle + " reads without data or the awaited event");
        }
      } else {
        idle = 0;
      }
    }
  }

  private int idle;

  /** Reads completing without data or the awaited event before a wait is given up. */
  static final int MAX_IDLE_COMPLETIONS = 10_000;

  private void handle(InTransfer t) throws EdgeTpuException {
    switch (t.status()) {
      case OK -> {}
      case NO_DEVICE ->
          throw new EdgeTpuException(
              Code.DISCONNECTED, "the device was disconnected during an inference");
      case STALL ->
          throw new EdgeTpuException(
              Code.USB_STALL, "endpoint 0x" + Integer.toHexString(t.endpoint()) + " stalled");
      case OVERFLOW ->
          throw new EdgeTpuException(
              Code.SHORT_TRANSFER,
              "endpoint 0x"
                  + Integer.toHexString(t.endpoint())
                  + " sent more than the "
                  + t.requested()
                  + " bytes requested");
      default ->
          throw new EdgeTpuException(
              Code.USB_ERROR,
              "read on endpoint 0x" + Integer.toHexString(t.endpoint()) + " failed: " + t.status());
    }
    if (t.endpoint() == 0x81) {
      spill.write(t.data(), 0, t.data().length);
      feedSpill();
      submit(0x81, outReadSize);
    } else if (t.endpoint() == 0x82) {
      if (t.data().length != 16) {
        throw new EdgeTpuException(
            Code.SHORT_TRANSFER, "event of " + t.data().length + " bytes, expected 16");
      }
      int tag = t.data()[12] & 0x0F;
      if (tag >= 4 && tag <= 7) {
        eventsSeen++;
      }
      submit(0x82, 16);
    } else if (t.endpoint() == 0x83) {
      int word = t.data().length >= 4 ? (t.data()[0] & 0xFF) | (t.data()[1] & 0xFF) << 8 : 0;
      if ((word & 1) != 0) {
        long status = io.read64(Csr.HIB_ERROR_STATUS);
        long first = io.read64(Csr.HIB_FIRST_ERROR_STATUS);
        io.write64(Csr.FATAL_ERR_INT_STATUS, 0);
        throw new EdgeTpuException(
            Code.DEVICE_ERROR,
            String.format(
                "the device raised a fatal error (hib_error_status 0x%x, first 0x%x)",
                status, first));
      }
      for (int bit = 1; bit <= 4; bit++) {
        if ((word & (1 << bit)) != 0) {
          LOG.warn(
              "Edge TPU top-level interrupt {} (thermal shutdown, PCIe error, MBIST, thermal warning)",
              bit - 1);
          io.write64(TOP_LEVEL_INT_STATUS[bit - 1], 0);
        }
      }
      submit(0x83, 4);
    }
  }

  private void feedSpill() {
    byte[] data = spill.toByteArray();
    int p = 0;
    while (p < data.length && !outputs.isEmpty()) {
      Pending o = outputs.peek();
      int n = Math.min(o.end - o.pos, data.length - p);
      System.arraycopy(data, p, o.target, o.pos, n);
      o.pos += n;
      p += n;
      if (o.pos == o.end) {
        outputs.poll();
      }
    }
    spill.reset();
    spill.write(data, p, data.length - p);
  }

  /** Host buffers for one run. */
  static Map<String, byte[]> buffers() {
    return new HashMap<>();
  }
}
