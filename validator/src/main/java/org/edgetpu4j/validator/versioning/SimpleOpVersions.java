package org.edgetpu4j.validator.versioning;

import static org.edgetpu4j.tflite.TensorType.BOOL;
import static org.edgetpu4j.tflite.TensorType.FLOAT16;
import static org.edgetpu4j.tflite.TensorType.INT16;
import static org.edgetpu4j.tflite.TensorType.INT32;
import static org.edgetpu4j.tflite.TensorType.INT4;
import static org.edgetpu4j.tflite.TensorType.INT64;
import static org.edgetpu4j.tflite.TensorType.INT8;
import static org.edgetpu4j.tflite.TensorType.STRING;
import static org.edgetpu4j.tflite.TensorType.UINT32;
import static org.edgetpu4j.tflite.TensorType.UINT8;

import org.edgetpu4j.tflite.BuiltinOp;

/** Version rules of operators whose version follows from input types and a few options. */
final class SimpleOpVersions {
  private SimpleOpVersions() {}

  static RequiredVersion required(BuiltinOp code, Signature s) {
    return switch (code) {
      case ADD -> {
        if (s.inIs(0, INT16) && !s.input(0).quantization().isQuantized()) {
          yield v(5, "INT16 inputs that are not quantized");
        }
        if (s.inIs(0, INT64)) {
          yield v(4, "INT64 inputs");
        }
        if (s.inIs(0, INT16) && s.out(0) == INT16 && !s.flag("pot_scale_int16")) {
          yield v(3, "INT16 inputs with general (not power-of-two) scales");
        }
        yield int8(s, 2);
      }
      case SUB -> {
        if (s.inIs(0, INT16) && s.out(0) == INT16 && !s.flag("pot_scale_int16")) {
          yield v(5, "INT16 inputs with general (not power-of-two) scales");
        }
        if (s.inIs(0, INT64)) {
          yield v(4, "INT64 inputs");
        }
        if (s.broadcasts() && s.maxInputRank() > 4) {
          yield v(3, "broadcast over more than 4 dimensions");
        }
        yield int8(s, 2);
      }
      case AVERAGE_POOL_2D, MAX_POOL_2D, LOGISTIC, TANH -> {
        if (s.inIs(0, INT16) && s.out(0) == INT16) {
          yield v(3, "input and output are INT16");
        }
        yield int8(s, 2);
      }
      case SOFTMAX, MEAN, MIRROR_PAD, REDUCE_MAX, REDUCE_MIN, RELU6, RSQRT -> {
        if (s.inIs(0, INT16)) {
          yield v(3, "input is INT16");
        }
        yield int8(s, 2);
      }
      case RELU -> {
        if (s.inIs(0, INT16)) {
          yield v(3, "input is INT16");
        }
        if (s.inIs(0, INT8) || s.inIs(0, UINT8)) {
          yield v(2, "input is " + s.in(0) + " (quantized RELU)");
        }
        yield v(1, OpVersions.base(s));
      }
      case CONCATENATION -> {
        if (s.inIs(0, UINT32)) {
          yield v(4, "UINT32 inputs");
        }
        if (s.inIs(0, INT16)) {
          yield v(3, "INT16 inputs");
        }
        yield int8(s, 2);
      }
      case PAD, PADV2 -> {
        if (s.rank(0) > 4) {
          yield v(4, "input has rank " + s.rank(0) + " > 4");
        }
        if (s.inIs(0, INT16)) {
          yield v(3, "input is INT16");
        }
        yield int8(s, 2);
      }
      case SQUEEZE -> s.inIs(0, STRING) ? v(2, "STRING input") : v(1, OpVersions.base(s));
      case STRIDED_SLICE -> stridedSlice(s);
      case SPLIT -> {
        // Input 0 is the axis; the data is input 1.
        if (s.inIs(1, INT16)) {
          yield v(4, "data input is INT16");
        }
        if (s.inIs(1, INT32)) {
          yield v(3, "data input is INT32");
        }
        yield s.inIs(1, INT8) ? v(2, "data input is INT8") : v(1, OpVersions.base(s));
      }
      case RESIZE_BILINEAR -> {
        if (s.inIs(0, INT16)) {
          yield v(4, "input is INT16");
        }
        if (s.flag("half_pixel_centers")) {
          yield v(3, "half_pixel_centers is true");
        }
        yield int8(s, 2);
      }
      case RESIZE_NEAREST_NEIGHBOR -> {
        if (s.inIs(0, INT16)) {
          yield v(4, "input is INT16");
        }
        if (s.flag("half_pixel_centers") || s.flag("align_corners")) {
          yield v(
              3,
              (s.flag("half_pixel_centers") ? "half_pixel_centers" : "align_corners") + " is true");
        }
        yield int8(s, 2);
      }
      case L2_NORMALIZATION -> s.out(0) == INT8 ? v(2, "output is INT8") : v(1, OpVersions.base(s));
      case QUANTIZE -> {
        if (s.inIs(0, INT4) || s.out(0) == INT4) {
          yield v(4, "INT4 input or output");
        }
        if (s.output(0) != null && s.output(0).quantization().isPerChannel()) {
          yield v(3, "per-channel quantized output");
        }
        yield s.out(0) == INT16 ? v(2, "output is INT16") : v(1, "output is " + s.out(0));
      }
      case DEQUANTIZE -> {
        if (s.inIs(0, INT4)) {
          yield v(6, "INT4 input");
        }
        if (s.inIs(0, INT16) || s.inIs(0, FLOAT16)) {
          yield v(3, "input is " + s.in(0));
        }
        if (s.inIs(0, INT8)) {
          yield s.perChannel(0) ? v(5, "per-channel INT8 input") : v(2, "input is INT8");
        }
        yield v(1, OpVersions.base(s));
      }
      case TRANSPOSE -> {
        if (s.rank(0) > 5) {
          yield v(6, "input has rank " + s.rank(0) + " > 5");
        }
        if (s.inIs(0, INT16)) {
          yield v(5, "input is INT16");
        }
        if (s.rank(0) > 4) {
          yield v(4, "input has rank " + s.rank(0) + " > 4");
        }
        if (s.inIs(0, BOOL)) {
          yield v(3, "input is BOOL");
        }
        yield int8(s, 2);
      }
      case SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND -> {
        if (s.inIs(0, INT16)) {
          yield v(4, "input is INT16");
        }
        if (s.rank(0) != 4) {
          yield v(3, "input rank is " + s.rank(0) + ", not 4");
        }
        yield int8(s, 2);
      }
      case MAXIMUM, MINIMUM -> {
        if (s.inIs(0, INT16) && s.out(0) == INT16) {
          yield v(4, "input and output are INT16");
        }
        if (s.broadcasts() && s.maxInputRank() > 4) {
          yield v(3, "broadcast over more than 4 dimensions");
        }
        yield int8(s, 2);
      }
      case PACK -> {
        if (s.inIs(0, INT8)) {
          yield v(2, "inputs are INT8");
        }
        if (s.inIs(0, INT16) && s.out(0) == INT16) {
          yield v(3, "inputs and output are INT16");
        }
        yield s.inIs(0, UINT32) ? v(4, "UINT32 inputs") : v(1, OpVersions.base(s));
      }
      case SPACE_TO_DEPTH,
          SPLIT_V,
          SUM,
          LOG_SOFTMAX,
          GREATER,
          LESS_EQUAL,
          SQUARED_DIFFERENCE,
          DEPTH_TO_SPACE ->
          int8(s, 2);
      case EXP, LOG, REDUCE_PROD, SQRT ->
          s.inIs(0, INT8) || s.inIs(0, INT16)
              ? v(2, "input is " + s.in(0) + " (integer kernel)")
              : v(1, OpVersions.base(s));
      case LEAKY_RELU -> s.inIs(0, INT16) ? v(2, "input is INT16") : v(1, OpVersions.base(s));
      case GATHER -> {
        if (s.inIs(0, INT4)) {
          yield v(7, "INT4 params");
        }
        if (s.inIs(1, INT16)) {
          yield v(6, "INT16 indices");
        }
        if (s.number("batch_dims", 0) != 0) {
          yield v(5, "batch_dims is not 0");
        }
        if (s.inIs(0, INT16)) {
          yield v(4, "params are INT16");
        }
        yield s.inIs(0, BOOL) ? v(3, "params are BOOL") : int8(s, 2);
      }
      case SLICE -> {
        if (s.inIs(0, UINT32)) {
          yield v(6, "UINT32 input");
        }
        if (s.rank(0) > 4) {
          yield v(5, "input has rank " + s.rank(0) + " > 4");
        }
        if (s.inIs(0, INT16)) {
          yield v(4, "input is INT16");
        }
        yield s.inIs(0, STRING) ? v(3, "STRING input") : int8(s, 2);
      }
      default -> v(1, "the converter gives " + code + " version 1 whatever its signature");
    };
  }

  private static RequiredVersion stridedSlice(Signature s) {
    if (s.flag("offset")) {
      return v(8, "offset is true");
    }
    if (s.inIs(0, UINT32)) {
      return v(7, "UINT32 input");
    }
    if (s.number("ellipsis_mask", 0) != 0 || s.number("new_axis_mask", 0) != 0) {
      return v(6, "ellipsis_mask or new_axis_mask is set");
    }
    if (s.inIs(0, STRING)) {
      return v(5, "STRING input");
    }
    if (s.rank(0) > 4) {
      return v(4, "input has rank " + s.rank(0) + " > 4");
    }
    if (s.inIs(0, BOOL)) {
      return v(3, "BOOL input");
    }
    return int8(s, 2);
  }

  private static RequiredVersion int8(Signature s, int version) {
    return s.inIs(0, INT8) ? v(version, "input is INT8") : v(1, OpVersions.base(s));
  }

  private static RequiredVersion v(int version, String reason) {
    return new RequiredVersion(version, reason);
  }
}
