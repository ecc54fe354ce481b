package org.edgetpu4j.device.coral.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.edgetpu4j.device.coral.usb.Ep1Stream;
import org.edgetpu4j.device.coral.usb.InTransfer;
import org.edgetpu4j.device.coral.usb.UsbDeviceInfo;
import org.edgetpu4j.device.coral.usb.UsbException;
import org.edgetpu4j.device.coral.usb.UsbHandle;

/** A handle on the simulated device; stale after a reset or unplug. */
final class SimHandle implements UsbHandle {
  private record Posted(int endpoint, int length) {}

  private final SimulatedCoral dev;
  private final UsbDeviceInfo info;
  private final int generation;
  private final Ep1Stream stream = new Ep1Stream();
  private final Deque<Posted> posted = new ArrayDeque<>();
  private final Deque<InTransfer> completed = new ArrayDeque<>();
  private int segmentPos;
  private boolean claimedHere;
  private boolean stalledOnce;
  private boolean fatalSent;

  SimHandle(SimulatedCoral dev, UsbDeviceInfo info, int generation) {
    this.dev = dev;
    this.info = info;
    this.generation = generation;
  }

  @Override
  public UsbDeviceInfo info() {
    return info;
  }

  private void alive() throws UsbException {
    if (dev.generation != generation || dev.gone) {
      throw new UsbException(UsbException.Kind.NO_DEVICE, "device disconnected");
    }
  }

  @Override
  public void claimInterface(int number) throws UsbException {
    alive();
    if (dev.has(SimFault.BUSY) || (dev.claimed && !claimedHere)) {
      throw new UsbException(UsbException.Kind.BUSY, "interface " + number + " is busy");
    }
    dev.claimed = true;
    claimedHere = true;
  }

  @Override
  public void releaseInterface(int number) throws UsbException {
    alive();
    if (claimedHere) {
      dev.claimed = false;
      claimedHere = false;
    }
  }

  @Override
  public byte[] controlIn(int type, int request, int value, int index, int length, int timeoutMs)
      throws UsbException {
    alive();
    if (type == 0x80 && request == 6) {
      int kind = value >> 8;
      byte[] d =
          kind == 1
              ? (info.isDfu() ? SimulatedCoral.DFU_DEVICE : SimulatedCoral.APP_DEVICE)
              : kind == 2
                  ? (info.isDfu() ? SimulatedCoral.DFU_CONFIG : SimulatedCoral.APP_CONFIG)
                  : null;
      if (d == null) {
        throw new UsbException(
            UsbException.Kind.PIPE, "descriptor type " + kind + " not supported");
      }
      return Arrays.copyOf(d, Math.min(d.length, length));
    }
    if (info.isDfu()) {
      if (type == 0xA1 && request == 3) {
        return new byte[] {0, 1, 0, 0, (byte) dev.dfuState, 0};
      }
      if (type == 0xA1 && request == 5) {
        return new byte[] {(byte) dev.dfuState};
      }
      if (type == 0xA1 && request == 2) {
        byte[] w = dev.uploadWindow();
        long from = (long) value * length;
        int n = (int) Math.max(0, Math.min(length, w.length - from));
        return Arrays.copyOfRange(
            w, (int) Math.min(from, w.length), (int) Math.min(from, w.length) + n);
      }
      throw new UsbException(UsbException.Kind.PIPE, "unsupported DFU request " + request);
    }
    if (type == 0xC0 && (request == 0 || request == 1)) {
      stallCheck();
      long v = dev.csr.read(((long) index << 16) | value);
      int width = request == 0 ? 8 : 4;
      byte[] out = new byte[width];
      for (int i = 0; i < width; i++) {
        out[i] = (byte) (v >>> (8 * i));
      }
      if (dev.has(SimFault.SHORT_TRANSFER)) {
        return Arrays.copyOf(out, 2);
      }
      return Arrays.copyOf(out, Math.min(width, length));
    }
    throw new UsbException(UsbException.Kind.PIPE, "unsupported control request " + request);
  }

  private void stallCheck() throws UsbException {
    if (dev.has(SimFault.STALL) && !stalledOnce) {
      stalledOnce = true;
      throw new UsbException(UsbException.Kind.PIPE, "control endpoint stalled");
    }
  }

  @Override
  public void controlOut(int type, int request, int value, int index, byte[] data, int timeoutMs)
      throws UsbException {
    alive();
    if (info.isDfu()) {
      if (type == 0x21 && request == 1) {
        if (data.length == 0) {
          dev.downloadComplete = true;
          dev.dfuState = 2;
        } else {
          dev.download.write(data, 0, data.length);
          dev.dfuState = 5;
        }
        return;
      }
      if (type == 0x21 && (request == 0 || request == 4 || request == 6)) {
        return;
      }
      throw new UsbException(UsbException.Kind.PIPE, "unsupported DFU request " + request);
    }
    if (type == 0x40 && (request == 0 || request == 1)) {
      stallCheck();
      long v = 0;
      for (int i = 0; i < data.length && i < 8; i++) {
        v |= (data[i] & 0xFFL) << (8 * i);
      }
      dev.csr.write(((long) index << 16) | value, v);
      return;
    }
    throw new UsbException(UsbException.Kind.PIPE, "unsupported control request " + request);
  }

  @Override
  public void bulkOut(int endpoint, byte[] data, int offset, int length, int timeoutMs)
      throws UsbException {
    alive();
    if (endpoint != 0x01 || info.isDfu()) {
      throw new UsbException(UsbException.Kind.PIPE, "no OUT endpoint " + endpoint);
    }
    for (Ep1Stream.Dma dma : stream.feed(data, offset, length)) {
      dev.engine.onDma(dma);
      if (dma.tag() == 1 && dev.has(SimFault.DISCONNECT_MID_INFERENCE) && ++dev.inputDmas == 1) {
        dev.unplug();
        failPosted();
        throw new UsbException(UsbException.Kind.NO_DEVICE, "device disconnected");
      }
    }
    if (dev.has(SimFault.FATAL_ERROR) && dev.engine.inputsSeen > 0 && !fatalSent) {
      fatalSent = true;
      dev.csr.write(0x486f0, 0x1);
      dev.engine.segments.clear();
      dev.engine.events.clear();
      for (Posted p : new ArrayList<>(posted)) {
        if (p.endpoint() == 0x83) {
          posted.remove(p);
          completed.add(
              new InTransfer(0x83, p.length(), new byte[] {1, 0, 0, 0}, InTransfer.Status.OK));
          break;
        }
      }
    }
    if (dev.has(SimFault.TIMEOUT)) {
      dev.engine.events.clear();
    }
    pump();
  }

  @Override
  public void submitIn(int endpoint, int length, int timeoutMs) throws UsbException {
    alive();
    posted.add(new Posted(endpoint, length));
    pump();
  }

  /** Completes posted reads from ready segments and events. */
  private void pump() {
    int chunk = (int) Math.max(8, (dev.csr.read(0x4c058) == 0 ? 0x80 : dev.csr.read(0x4c058)) * 8);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Posted p : new ArrayList<>(posted)) {
        if (p.endpoint() == 0x81 && !dev.engine.segments.isEmpty()) {
          byte[] seg = dev.engine.segments.peek();
          int n = Math.min(Math.min(p.length(), seg.length - segmentPos), chunk);
          InTransfer.Status st = InTransfer.Status.OK;
          if (p.length() < Math.min(chunk, seg.length - segmentPos)) {
            st = InTransfer.Status.OVERFLOW;
          }
          byte[] out = Arrays.copyOfRange(seg, segmentPos, segmentPos + n);
          segmentPos += n;
          if (segmentPos == seg.length) {
            dev.engine.segments.poll();
            segmentPos = 0;
          }
          posted.remove(p);
          completed.add(new InTransfer(0x81, p.length(), out, st));
          progress = true;
          break;
        }
        if (p.endpoint() == 0x82 && !dev.engine.events.isEmpty()) {
          byte[] ev = dev.engine.events.poll();
          posted.remove(p);
          completed.add(
              new InTransfer(
                  0x82,
                  p.length(),
                  p.length() >= 16 ? ev : new byte[0],
                  p.length() >= 16 ? InTransfer.Status.OK : InTransfer.Status.OVERFLOW));
          progress = true;
          break;
        }
      }
    }
  }

  private void failPosted() {
    while (!posted.isEmpty()) {
      Posted p = posted.poll();
      completed.add(
          new InTransfer(p.endpoint(), p.length(), new byte[0], InTransfer.Status.NO_DEVICE));
    }
  }

  @Override
  public InTransfer awaitIn(int timeoutMs) throws UsbException {
    if (!completed.isEmpty()) {
      return completed.poll();
    }
    if (dev.generation != generation || dev.gone) {
      throw new UsbException(UsbException.Kind.NO_DEVICE, "device disconnected");
    }
    dev.clock().advance(timeoutMs);
    throw new UsbException(
        UsbException.Kind.TIMEOUT, "no IN transfer completed in " + timeoutMs + " ms");
  }

  @Override
  public int pendingIn() {
    return posted.size();
  }

  @Override
  public List<InTransfer> cancelIn() {
    List<InTransfer> out = new ArrayList<>();
    while (!posted.isEmpty()) {
      Posted p = posted.poll();
      out.add(new InTransfer(p.endpoint(), p.length(), new byte[0], InTransfer.Status.CANCELLED));
    }
    return out;
  }

  @Override
  public void resetDevice() throws UsbException {
    alive();
    claimedHere = false;
    dev.portReset();
  }

  @Override
  public void close() {
    if (claimedHere && dev.generation == generation) {
      dev.claimed = false;
    }
    claimedHere = false;
    posted.clear();
  }
}
