package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.tflite.TensorType;

/** Precomputation shared by the quantized convolution-like kernels. */
public final class QuantParamsPrep {
  private QuantParamsPrep() {}

  /**
   * Output multipliers of a convolution (CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV), one per
   * output channel, as {@code [multipliers, shifts]}. Like TFLite: uint8 inputs use the legacy
   * per-tensor multiplier (float32 scale product, {@link QuantMath#legacyConvolutionMultiplier});
   * other types use {@code input_scale * filter_scale[c] / output_scale} in double.
   */
  public static int[][] channelMultipliers(
      Node node, Slot input, Slot filter, Slot output, int channels) {
    checkScales(node, input, filter, output, channels);
    boolean uint8 = input.type == TensorType.UINT8;
    node.require(
        !uint8 || filter.scales.length == 1,
        filter.describe() + " is per-channel quantized, expected one scale for a uint8 input");
    return multipliers(filter, input, output, channels, uint8);
  }

  /**
   * Output multipliers of FULLY_CONNECTED, one per output unit, as {@code [multipliers, shifts]}.
   * Like TFLite: a per-tensor filter uses the legacy multiplier (float32 scale product), a
   * per-channel filter the double product of {@link #channelMultipliers}.
   */
  public static int[][] fullyConnectedMultipliers(
      Node node, Slot input, Slot filter, Slot output, int units) {
    checkScales(node, input, filter, output, units);
    return multipliers(filter, input, output, units, filter.scales.length == 1);
  }

  private static void checkScales(Node node, Slot input, Slot filter, Slot output, int channels) {
    node.require(
        filter.scales.length == 1 || filter.scales.length == channels,
        filter.describe()
            + " has "
            + filter.scales.length
            + " scales for "
            + channels
            + " output channels");
    node.requirePerTensor(input);
    node.requirePerTensor(output);
  }

  private static int[][] multipliers(
      Slot filter, Slot input, Slot output, int channels, boolean legacy) {
    int[] mult = new int[channels];
    int[] shift = new int[channels];
    for (int c = 0; c < channels; c++) {
      float fs = filter.scales.length == 1 ? filter.scales[0] : filter.scales[c];
      QuantMath.Multiplier m =
          legacy
              ? QuantMath.legacyConvolutionMultiplier(
                  input.scale(), filter.scales[0], output.scale())
              : QuantMath.channelConvolutionMultiplier(input.scale(), fs, output.scale());
      mult[c] = m.multiplier();
      shift[c] = m.shift();
    }
    return new int[][] {mult, shift};
  }

  /**
   * The filter as signed bytes (uint8 values shifted by -128) and the offset to add to each signed
   * value so that it becomes {@code q - zero_point}.
   */
  public static int signedFilterOffset(Node node, Slot filter) {
    if (filter.type == TensorType.UINT8) {
      return 128 - filter.zeroPoint();
    }
    for (int zp : filter.zeroPoints) {
      node.require(zp == 0, filter.describe() + " is int8 with zero point " + zp + ", expected 0");
    }
    return 0;
  }

  /** Signed copy of 8-bit data: int8 as is, uint8 shifted by -128. */
  public static byte[] signedBytes(byte[] data, TensorType type) {
    byte[] out = data.clone();
    if (type == TensorType.UINT8) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) (out[i] ^ 0x80);
      }
    }
    return out;
  }

  /** Offset that turns a signed (possibly shifted) input byte into {@code q - zero_point}. */
  public static int signedInputOffset(Slot input) {
    return input.type == TensorType.UINT8 ? 128 - input.zeroPoint() : -input.zeroPoint();
  }

  /** Bias as int32 values, zeros when absent. */
  public static int[] intBias(Node node, Slot bias, int channels) {
    if (bias == null) {
      return new int[channels];
    }
    node.requireConstant(bias);
    node.requireType(bias, TensorType.INT32);
    node.require(
        bias.elementCount() == channels,
        bias.describe() + " has " + bias.elementCount() + " values, expected " + channels);
    return Bytes.ints(bias.constant);
  }

  /** Bias as floats, zeros when absent. */
  public static float[] floatBias(Node node, Slot bias, int channels) {
    if (bias == null) {
      return new float[channels];
    }
    node.requireConstant(bias);
    node.requireType(bias, TensorType.FLOAT32);
    node.require(
        bias.elementCount() == channels,
        bias.describe() + " has " + bias.elementCount() + " values, expected " + channels);
    return Bytes.floats(bias.constant);
  }
}
