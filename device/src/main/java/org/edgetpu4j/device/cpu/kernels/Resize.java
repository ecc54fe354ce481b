package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR on NHWC with a constant size, honouring align_corners
 * and half_pixel_centers. int8 bilinear uses TFLite's 10-bit fixed-point interpolation; uint8 and
 * float32 bilinear interpolate in float and truncate.
 */
public final class Resize implements Kernel {
  private final boolean bilinear;

  Resize(boolean bilinear) {
    this.bilinear = bilinear;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot size = node.in(1);
    Slot out = node.out(0);
    node.requireRank(in, 4);
    node.requireConstant(size);
    int[] hw = Bytes.ints(size.constant);
    node.require(hw.length == 2 && hw[0] > 0 && hw[1] > 0, "size must be two positive values");
    node.require(out.type == in.type, "output type differs from input type");
    boolean align = node.options.getBool("align_corners");
    boolean half = node.options.getBool("half_pixel_centers");
    int n = in.dim(0);
    int ih = in.dim(1);
    int iw = in.dim(2);
    int c = in.dim(3);
    int oh = hw[0];
    int ow = hw[1];
    node.setShape(0, new int[] {n, oh, ow, c});
    int ti = in.index;
    int to = out.index;
    int elem = (int) in.type.byteSize(1);
    if (!bilinear) {
      int[] ys = new int[oh];
      int[] xs = new int[ow];
      for (int y = 0; y < oh; y++) {
        ys[y] = nearest(y, ih, oh, align, half);
      }
      for (int x = 0; x < ow; x++) {
        xs[x] = nearest(x, iw, ow, align, half);
      }
      return m -> {
        int o = m.offset[to];
        for (int b = 0; b < n; b++) {
          for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
              int src = m.offset[ti] + ((b * ih + ys[y]) * iw + xs[x]) * c * elem;
              System.arraycopy(m.data[ti], src, m.data[to], o, c * elem);
              o += c * elem;
            }
          }
        }
      };
    }
    if (in.type == TensorType.INT8) {
      return ResizeBilinearInt8.step(ti, to, n, ih, iw, c, oh, ow, align, half);
    }
    node.requireType(in, TensorType.UINT8, TensorType.FLOAT32);
    return ResizeBilinearInt8.floatStep(
        ti, to, n, ih, iw, c, oh, ow, align, half, in.type == TensorType.UINT8);
  }

  static int nearest(int v, int inSize, int outSize, boolean align, boolean half) {
    float scale =
        (align && outSize > 1) ? (inSize - 1) / (float) (outSize - 1) : inSize / (float) outSize;
    float offset = half ? 0.5f : 0.0f;
    int r =
        Math.min(
            align
                ? (int) QuantMath.roundHalfAway((v + offset) * scale)
                : (int) Math.floor((v + offset) * scale),
            inSize - 1);
    if (half) {
      r = Math.max(0, r);
    }
    return r;
  }
}
