package org.edgetpu4j.device.cpu.node;

import org.edgetpu4j.tflite.TensorType;

/** Validity of a tensor's quantization parameters, as TFLite's kernels check them. */
final class Quantization {
  private Quantization() {}

  /** What is wrong with {@code s}'s quantization, or null when nothing is. */
  static String problem(Slot s) {
    if (s.scales.length == 0) {
      return s.zeroPoints.length == 0
          ? null
          : s.describe() + " has " + s.zeroPoints.length + " zero points and no scale";
    }
    if (s.zeroPoints.length != s.scales.length && s.zeroPoints.length > 1) {
      return s.describe()
          + " has "
          + s.scales.length
          + " scales and "
          + s.zeroPoints.length
          + " zero points, expected as many of each";
    }
    boolean perChannelConstant = s.scales.length > 1 && s.isConstant();
    for (int i = 0; i < s.scales.length; i++) {
      float scale = s.scales[i];
      boolean ok = Float.isFinite(scale) && (scale > 0 || (scale == 0 && perChannelConstant));
      if (!ok) {
        return s.describe()
            + " has quantization scale "
            + scale
            + (s.scales.length > 1 ? " (channel " + i + ")" : "")
            + ", expected a finite value > 0";
      }
    }
    long lo = min(s.type);
    long hi = max(s.type);
    for (int i = 0; i < s.rawZeroPoints.length; i++) {
      long zp = s.rawZeroPoints[i];
      if (zp < lo || zp > hi) {
        return s.describe()
            + " has zero point "
            + zp
            + (s.rawZeroPoints.length > 1 ? " (channel " + i + ")" : "")
            + ", expected "
            + lo
            + ".."
            + hi
            + " for "
            + s.type;
      }
    }
    return null;
  }

  private static long min(TensorType t) {
    return switch (t) {
      case INT8 -> -128;
      case UINT8 -> 0;
      case INT16 -> -32768;
      case INT4 -> -8;
      case UINT16 -> 0;
      default -> Integer.MIN_VALUE;
    };
  }

  private static long max(TensorType t) {
    return switch (t) {
      case INT8 -> 127;
      case UINT8 -> 255;
      case INT16 -> 32767;
      case INT4 -> 7;
      case UINT16 -> 65535;
      default -> Integer.MAX_VALUE;
    };
  }
}
