package org.edgetpu4j.validator;

import java.util.BitSet;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * Parameter bytes as the Edge TPU compiler lays them out (what its log prints as on-chip plus
 * off-chip parameter memory), fitted to packages written by the real compiler:
 *
 * <ul>
 *   <li>every mapped operator's parameter block is padded to 64 bytes; CONCATENATION and SPLIT take
 *       one 64-byte block, other operators without weights take none;
 *   <li>CONV_2D: output channels padded to a tile of 32, each with its kh x kw x in kernel;
 *   <li>DEPTHWISE_CONV_2D: each kernel tap holds the channels padded to 64;
 *   <li>both convolutions: plus 24 bytes per output channel (channels padded to 8), padded to 64;
 *   <li>FULLY_CONNECTED: output rows padded to 16, plus 8 bytes per output row padded to 64;
 *   <li>LSTM gate matrices: rows and columns padded to 64, plus 8 bytes per row.
 * </ul>
 */
final class ParameterMemory {
  private ParameterMemory() {}

  /** Parameter bytes of the mapped operators. */
  static long of(RuleContext ctx, BitSet mapped) {
    long total = 0;
    for (int i = mapped.nextSetBit(0); i >= 0; i = mapped.nextSetBit(i + 1)) {
      total += up(operatorBytes(ctx, i), 64);
    }
    return total;
  }

  private static long operatorBytes(RuleContext ctx, int i) {
    BuiltinOp code = ctx.code(i);
    var op = ctx.op(i);
    switch (code) {
      case CONV_2D -> {
        int[] w = shape(ctx, op.inputs().length() > 1 ? op.input(1) : -1);
        if (w != null && w.length == 4) {
          return up(w[0], CONV_OUT_TILE) * w[1] * w[2] * w[3] + convOverhead(w[0]);
        }
      }
      case DEPTHWISE_CONV_2D -> {
        int[] w = shape(ctx, op.inputs().length() > 1 ? op.input(1) : -1);
        if (w != null && w.length == 4) {
          return (long) w[1] * w[2] * up(w[3], 64) + convOverhead(w[3]);
        }
      }
      case FULLY_CONNECTED -> {
        int[] w = shape(ctx, op.inputs().length() > 1 ? op.input(1) : -1);
        if (w != null && w.length == 2) {
          return up(w[0], 16) * w[1] + overhead(w[0]);
        }
      }
      case CONCATENATION, SPLIT, SPLIT_V -> {
        return 64;
      }
      case UNIDIRECTIONAL_SEQUENCE_LSTM, LSTM -> {
        long b = 0;
        for (int k = 1; k <= 8 && k < op.inputs().length(); k++) {
          int[] w = shape(ctx, op.input(k));
          if (w != null && w.length == 2) {
            b += up(w[0], 64) * up(w[1], 64) + overhead(up(w[0], 64));
          }
        }
        return b;
      }
      default -> {}
    }
    return 0;
  }

  /** Output channels of a convolution are laid out in groups of this many. */
  private static final int CONV_OUT_TILE = 32;

  /** Convolutions: 24 bytes per output channel, channels padded to 8, the block to 64. */
  private static long convOverhead(long channels) {
    return up(24 * up(channels, 8), 64);
  }

  private static long overhead(long channels) {
    return up(8 * channels, 64);
  }

  private static int[] shape(RuleContext ctx, int t) {
    Tensor tensor = t < 0 ? null : ctx.tensor(t);
    if (tensor == null || !ctx.isConstant(tensor)) {
      return null;
    }
    int[] s = new int[tensor.rank()];
    for (int d = 0; d < s.length; d++) {
      s[d] = tensor.shape().get(d);
    }
    return s;
  }

  private static long up(long x, long g) {
    return (x + g - 1) / g * g;
  }
}
