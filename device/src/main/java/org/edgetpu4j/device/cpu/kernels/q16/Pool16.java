package org.edgetpu4j.device.cpu.kernels.q16;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Padding;

/**
 * AVERAGE_POOL_2D (sum over the window part inside the input, divided with rounding half away from
 * zero) and MAX_POOL_2D on int16 NHWC tensors; input and output share quantization.
 */
public final class Pool16 implements Kernel {
  private final boolean average;

  public Pool16(boolean average) {
    this.average = average;
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(0);
    Slot out = node.out(0);
    Q16.requireInt16(node, in);
    Q16.requireInt16(node, out);
    node.require(
        in.scale() == out.scale(),
        "input and output scales differ: " + in.scale() + ", " + out.scale());
    node.requireRank(in, 4);
    boolean same = node.options.padding() == Padding.SAME;
    int fh = node.options.getInt("filter_height");
    int fw = node.options.getInt("filter_width");
    int sh = node.options.getInt("stride_h");
    int sw = node.options.getInt("stride_w");
    node.require(fh > 0 && fw > 0 && sh > 0 && sw > 0, "filter and strides must be positive");
    int b = in.dim(0);
    int ih = in.dim(1);
    int iw = in.dim(2);
    int c = in.dim(3);
    int oh = Shapes.outSize(same, ih, fh, sh, 1);
    int ow = Shapes.outSize(same, iw, fw, sw, 1);
    node.require(oh > 0 && ow > 0, "window larger than the input " + Shapes.str(in.shape));
    int ph = Shapes.padBefore(same, ih, fh, sh, 1, oh);
    int pw = Shapes.padBefore(same, iw, fw, sw, 1, ow);
    node.setShape(0, new int[] {b, oh, ow, c});
    int[] r = Q16.range(node, out);
    int lo = r[0];
    int hi = r[1];
    int ti = in.index;
    int to = out.index;
    boolean avg = average;
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      for (int n = 0; n < b; n++) {
        for (int oy = 0; oy < oh; oy++) {
          int y0 = Math.max(0, oy * sh - ph);
          int y1 = Math.min(ih, oy * sh - ph + fh);
          for (int ox = 0; ox < ow; ox++) {
            int x0 = Math.max(0, ox * sw - pw);
            int x1 = Math.min(iw, ox * sw - pw + fw);
            for (int ch = 0; ch < c; ch++) {
              int acc = avg ? 0 : Short.MIN_VALUE;
              int count = 0;
              for (int yy = y0; yy < y1; yy++) {
                for (int xx = x0; xx < x1; xx++) {
                  int v = Bytes.i16(x, xo, ((n * ih + yy) * iw + xx) * c + ch);
                  acc = avg ? acc + v : Math.max(acc, v);
                  count++;
                }
              }
              int v;
              if (avg) {
                v = count == 0 ? 0 : (acc + (acc > 0 ? count / 2 : -count / 2)) / count;
              } else {
                v = acc;
              }
              Q16.put(y, yo, ((n * oh + oy) * ow + ox) * c + ch, Math.min(Math.max(v, lo), hi));
            }
          }
        }
      }
    };
  }
}
