package org.edgetpu4j.device.cpu.math;

import org.edgetpu4j.device.cpu.node.Bytes;
import org.edgetpu4j.device.cpu.node.Node;
import org.edgetpu4j.device.cpu.node.Slot;
import org.edgetpu4j.tflite.TensorType;

/** Precomputation shared by the quantized convolution-like kernels. */
public final class QuantParamsPrep {
  private QuantParamsPrep() {}

  /**
   * Per-output-channel multipliers {@code input_scale * filter_scale[c] / output_scale} (in double,
   * as TFLite's PopulateConvolutionQuantizationParams), as {@code [multipliers, shifts]}.
   */
  public static int[][] channelMultipliers(
      Node node, Slot input, Slot filter, Slot output, int channels) {
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
    int[] mult = new int[channels];
    int[] shift = new int[channels];
    for (int c = 0; c < channels; c++) {
      float fs = filter.scales.length == 1 ? filter.scales[0] : filter.scales[c];
      double real = (double) input.scale() * (double) fs / (double) output.scale();
      QuantMath.Multiplier m = QuantMath.quantizeMultiplier(real);
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
