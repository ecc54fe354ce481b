package org.edgetpu4j.device.cpu.kernels;

import org.edgetpu4j.device.cpu.math.Activations;
import org.edgetpu4j.device.cpu.math.QuantMath;
import org.edgetpu4j.device.cpu.node.Kernel;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.device.cpu.node.Step;
import org.edgetpu4j.tflite.TensorType;

/**
 * HARD_SWISH {@code x * relu6(x + 3) / 6}. 8-bit follows TFLite's 16-bit fixed-point reference
 * (input on a 2^7 finer scale, a "reluish" multiplier in [0, 1], a truncating doubling high
 * multiply), evaluated once per input value into a table.
 */
public final class HardSwish implements Kernel {
  @Override
  public Step prepare(Node node) {
    Unary8.sameShape(node);
    Slot in = node.in(0);
    Slot out = node.out(0);
    if (in.type == TensorType.FLOAT32) {
      return Unary8.floats(node, x -> x * Math.min(6f, Math.max(0f, x + 3)) / 6);
    }
    node.requireType(in, TensorType.INT8, TensorType.UINT8);
    float hiresInputScale = (1.0f / 128.0f) * in.scale();
    float reluishScale = 3.0f / 32768.0f;
    QuantMath.Multiplier outM = QuantMath.quantizeMultiplier(hiresInputScale / out.scale());
    node.require(outM.shift() <= 0, "output multiplier exponent must be <= 0");
    short outMult = toInt16(outM.multiplier());
    QuantMath.Multiplier reluM = QuantMath.quantizeMultiplier(hiresInputScale / reluishScale);
    short reluMult = toInt16(reluM.multiplier());
    int reluExp = reluM.shift();
    int outExp = outM.shift();
    int inZp = in.zeroPoint();
    int outZp = out.zeroPoint();
    int lo = Activations.qmin(out.type);
    int hi = Activations.qmax(out.type);
    return Unary8.table(
        node,
        Unary8.tableOf(
            in.type == TensorType.INT8,
            v -> {
              short input = (short) (v - inZp);
              short hires = (short) (input * (1 << 7));
              short preshift = QuantMath.saturatingRoundingDoublingHighMul(hires, outMult);
              short reluish = hires;
              if (reluExp > 0) {
                reluish = satLeftShift16(reluish, reluExp - 1);
              }
              reluish = QuantMath.saturatingRoundingDoublingHighMul(reluish, reluMult);
              if (reluExp > 0) {
                reluish = satLeftShift16(reluish, 1);
              }
              if (reluExp < 0) {
                reluish = (short) QuantMath.roundingDivideByPot(reluish, -reluExp);
              }
              reluish = (short) ((reluish + (1 << 15)) >> 1);
              short pre = doublingHighMul(reluish, preshift);
              int o = QuantMath.roundingDivideByPot(pre, -outExp);
              o += outZp;
              return QuantMath.clamp(o, lo, hi);
            }));
  }

  private static short toInt16(int m) {
    if (m >= Integer.MAX_VALUE - (1 << 15)) {
      return Short.MAX_VALUE;
    }
    return (short) ((m + (1 << 15)) >> 16);
  }

  private static short satLeftShift16(short v, int amount) {
    long r = (long) v * (1L << amount);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
  }

  private static short doublingHighMul(short a, short b) {
    if (a == b && a == Short.MIN_VALUE) {
      return Short.MAX_VALUE;
    }
    return (short) ((a * b) / (1 << 15));
  }
}
