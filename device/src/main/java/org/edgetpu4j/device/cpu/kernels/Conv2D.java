package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.DirectConv;
import org.edgetpu4j.device.cpu.math.QuantParamsPrep;
import org.edgetpu4j.device.cpu.math.QuantRows;
import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Shapes;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.Padding;
import org.edgetpu4j.tflite.TensorType;

/**
 * CONV_2D: int8 (per-channel or per-tensor weights), uint8, float32, and hybrid (float activations,
 * int8 weights). Quantized convolutions gather an im2col patch per output pixel (padding filled
 * with the input zero point, so it adds nothing) and run {@link QuantRows}.
 */
public final class Conv2D implements Kernel {
  static final int INPUT = 0;
  static final int FILTER = 1;
  static final int BIAS = 2;

  /** Geometry of a 2-D window operation in NHWC. */
  public record Geometry(
      int batches,
      int inH,
      int inW,
      int inC,
      int fH,
      int fW,
      int outH,
      int outW,
      int strideH,
      int strideW,
      int dilH,
      int dilW,
      int padH,
      int padW) {

    static Geometry of(Node node, Slot in, int fH, int fW, String dilPrefix) {
      boolean same = node.options.padding() == Padding.SAME;
      int sh = node.options.getInt("stride_h");
      int sw = node.options.getInt("stride_w");
      int dh = dilPrefix == null ? 1 : node.options.getInt(dilPrefix + "h_factor");
      int dw = dilPrefix == null ? 1 : node.options.getInt(dilPrefix + "w_factor");
      node.require(sh > 0 && sw > 0 && dh > 0 && dw > 0, "strides and dilations must be positive");
      int oh = Shapes.outSize(same, in.dim(1), fH, sh, dh);
      int ow = Shapes.outSize(same, in.dim(2), fW, sw, dw);
      node.require(oh > 0 && ow > 0, "window larger than the input " + Shapes.str(in.shape));
      return new Geometry(
          in.dim(0),
          in.dim(1),
          in.dim(2),
          in.dim(3),
          fH,
          fW,
          oh,
          ow,
          sh,
          sw,
          dh,
          dw,
          Shapes.padBefore(same, in.dim(1), fH, sh, dh, oh),
          Shapes.padBefore(same, in.dim(2), fW, sw, dw, ow));
    }
  }

  @Override
  public Step prepare(Node node) {
    Slot in = node.in(INPUT);
    Slot filter = node.in(FILTER);
    Slot bias = node.optionalIn(BIAS);
    Slot out = node.out(0);
    node.requireRank(in, 4);
    node.requireRank(filter, 4);
    node.requireConstant(filter);
    node.require(
        filter.dim(3) > 0 && in.dim(3) % filter.dim(3) == 0 && in.dim(3) == filter.dim(3),
        "input depth " + in.dim(3) + " does not match filter depth " + filter.dim(3));
    int oc = filter.dim(0);
    Geometry g = Geometry.of(node, in, filter.dim(1), filter.dim(2), "dilation_");
    node.setShape(0, new int[] {g.batches(), g.outH(), g.outW(), oc});
    if (in.type == TensorType.FLOAT32 && filter.type == TensorType.FLOAT32) {
      return FloatConv.conv(node, g, Bytes.floats(filter.constant), bias, oc);
    }
    if (in.type == TensorType.FLOAT32 && filter.type == TensorType.INT8) {
      return HybridConv.prepare(node, g, filter, bias, oc);
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    node.require(
        filter.type == in.type && out.type == in.type,
        "types " + in.type + "/" + filter.type + "/" + out.type + " are not supported");
    byte[] w = QuantParamsPrep.signedBytes(filter.constant, filter.type);
    int depth = g.fH() * g.fW() * g.inC();
    QuantRows rows =
        new QuantRows(
            w,
            depth,
            oc,
            QuantParamsPrep.signedInputOffset(in),
            QuantParamsPrep.signedFilterOffset(node, filter),
            QuantParamsPrep.intBias(node, bias, oc),
            QuantParamsPrep.channelMultipliers(node, in, filter, out, oc),
            out.zeroPoint(),
            Activations.quantizedRange(node, node.activation(), out));
    boolean flip = in.type == TensorType.UINT8;
    byte pad = (byte) (flip ? in.zeroPoint() - 128 : in.zeroPoint());
    int ti = in.index;
    int to = out.index;
    boolean direct = !flip && g.fH() == 1 && g.fW() == 1 && g.strideH() == 1 && g.strideW() == 1;
    if (direct) {
      int pixels = g.batches() * g.inH() * g.inW();
      return m -> {
        byte[] x = m.data[ti];
        int xo = m.offset[ti];
        byte[] y = m.data[to];
        int yo = m.offset[to];
        int p = 0;
        for (; p + 4 <= pixels; p += 4) {
          rows.run4(x, xo + p * depth, depth, y, yo + p * oc, oc);
        }
        for (; p < pixels; p++) {
          rows.run(x, xo + p * depth, y, yo + p * oc);
        }
      };
    }
    Step directStep = DirectConv.of(g, rows, ti, to, pad, flip);
    if (directStep != null) {
      return directStep;
    }
    byte[] patch = new byte[4 * depth];
    int outW = g.outW();
    return m -> {
      byte[] x = m.data[ti];
      int xo = m.offset[ti];
      byte[] y = m.data[to];
      int yo = m.offset[to];
      int o = yo;
      for (int b = 0; b < g.batches(); b++) {
        for (int oy = 0; oy < g.outH(); oy++) {
          int ox = 0;
          for (; ox + 4 <= outW; ox += 4) {
            for (int r = 0; r < 4; r++) {
              im2col(g, x, xo, b, oy, ox + r, patch, r * depth, pad, flip);
            }
            rows.run4(patch, 0, depth, y, o, oc);
            o += 4 * oc;
          }
          for (; ox < outW; ox++) {
            im2col(g, x, xo, b, oy, ox, patch, 0, pad, flip);
            rows.run(patch, 0, y, o);
            o += oc;
          }
        }
      }
    };
  }

  /** Copies the input window of output pixel (b, oy, ox) into {@code patch[p0..]}. */
  static void im2col(
      Geometry g,
      byte[] x,
      int xo,
      int b,
      int oy,
      int ox,
      byte[] patch,
      int p0,
      byte pad,
      boolean flip) {
    int c = g.inC();
    int p = p0;
    int y0 = oy * g.strideH() - g.padH();
    int x0 = ox * g.strideW() - g.padW();
    for (int fy = 0; fy < g.fH(); fy++) {
      int iy = y0 + fy * g.dilH();
      for (int fx = 0; fx < g.fW(); fx++) {
        int ix = x0 + fx * g.dilW();
        if (iy < 0 || iy >= g.inH() || ix < 0 || ix >= g.inW()) {
          for (int k = 0; k < c; k++) {
            patch[p + k] = pad;
          }
        } else {
          int src = xo + ((b * g.inH() + iy) * g.inW() + ix) * c;
          if (c < 16 && !flip) {
            for (int k = 0; k < c; k++) {
              patch[p + k] = x[src + k];
            }
          } else if (flip) {
            for (int k = 0; k < c; k++) {
              patch[p + k] = (byte) (x[src + k] ^ 0x80);
            }
          } else {
            System.arraycopy(x, src, patch, p, c);
          }
        }
        p += c;
      }
    }
  }
}
