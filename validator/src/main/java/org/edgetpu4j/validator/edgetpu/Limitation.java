package org.edgetpu4j.validator.edgetpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.edgetpu4j.tflite.Activation;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.edgetpu4j.validator.rules.RuleContext;

/**
 * The known limitations of the Edge TPU supported-operations table, named in {@code
 * edgetpu_ops.csv}. Each checks one operator and says how it violates the limitation, if it does.
 */
public enum Limitation {
  /** Pooling and concatenation cannot fuse an activation. */
  NO_FUSED_ACTIVATION("Apply the activation as a separate RELU/RELU6 operator after it") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      BuiltinOptions o = ctx.op(i).builtinOptions();
      if (o.has("fused_activation_function")
          && o.getLong("fused_activation_function") != Activation.NONE.code()) {
        String name = Activation.nameOf(o.getLong("fused_activation_function"));
        return Optional.of(
            ctx.opName(i)
                + " has fused activation "
                + name
                + " (no fused activation is supported)");
      }
      return Optional.empty();
    }
  },
  /** A constant input of CONCATENATION must be all zeros and the only other input. */
  CONCAT_CONSTANT_INPUT("Use PAD for zero padding, or feed the constant as a model input") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Operator op = ctx.op(i);
      for (int k = 0; k < op.inputs().length(); k++) {
        Tensor t = ctx.tensor(op.inputs().get(k));
        if (t == null || !ctx.isConstant(t)) {
          continue;
        }
        if (op.inputs().length() != 2) {
          return Optional.of(
              "CONCATENATION has a constant input and "
                  + op.inputs().length()
                  + " inputs (a constant input is only supported with exactly 2 inputs)");
        }
        var data = ctx.model().data(t);
        for (int b = 0; b < data.length(); b++) {
          if (data.get(b) != 0) {
            return Optional.of(
                "CONCATENATION constant input T#"
                    + op.inputs().get(k)
                    + " is not all zeros (only zero padding is supported)");
          }
        }
      }
      return Optional.empty();
    }
  },
  /** Convolutions must dilate equally in x and y. */
  SAME_DILATION("Use the same dilation rate in both spatial dimensions") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      BuiltinOptions o = ctx.op(i).builtinOptions();
      if (!o.has("dilation_w_factor")) {
        return Optional.empty();
      }
      long w = o.getLong("dilation_w_factor");
      long h = o.getLong("dilation_h_factor");
      return w == h
          ? Optional.empty()
          : Optional.of(
              ctx.opName(i)
                  + " dilates by "
                  + w
                  + " in x and "
                  + h
                  + " in y (the same dilation in x and y is required)");
    }
  },
  /** Dilated depthwise convolution needs Edge TPU runtime 13. */
  DILATION_NEEDS_RUNTIME_13(
      "Target Edge TPU runtime 13+ (edgetpu_compiler -m 13), or avoid dilation") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      BuiltinOptions o = ctx.op(i).builtinOptions();
      boolean dilated =
          o.has("dilation_w_factor")
              && (o.getLong("dilation_w_factor") != 1 || o.getLong("dilation_h_factor") != 1);
      return dilated && ctx.target().edgetpuRuntime() < 13
          ? Optional.of(
              "dilated DEPTHWISE_CONV_2D needs Edge TPU runtime 13, target is "
                  + ctx.target().edgetpuRuntime())
          : Optional.empty();
    }
  },
  /** Fully-connected weights must use the default layout. */
  DEFAULT_WEIGHTS_FORMAT("Convert without the shuffled weights format") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      BuiltinOptions o = ctx.op(i).builtinOptions();
      return o.has("weights_format") && o.getLong("weights_format") != 0
          ? Optional.of(
              "FULLY_CONNECTED uses a shuffled weights format (only DEFAULT is supported)")
          : Optional.empty();
    }
  },
  /** The fully-connected output must be one-dimensional after the batch dimension. */
  ONE_DIMENSIONAL_OUTPUT(
      "Flatten to [1, N] before FULLY_CONNECTED, or use a 1x1 CONV_2D for per-position dense layers") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor out = ctx.tensor(ctx.output(i, 0));
      if (out == null || out.rank() <= 2) {
        return Optional.empty();
      }
      int nonUnit = 0;
      for (int d = 1; d < out.rank(); d++) {
        nonUnit += out.shape().get(d) > 1 ? 1 : 0;
      }
      return nonUnit > 1
          ? Optional.of(
              "FULLY_CONNECTED output "
                  + out.shape()
                  + " is not one-dimensional after the batch dimension")
          : Optional.empty();
    }
  },
  /** Reductions, packing and splitting cannot work along the batch dimension. */
  NO_BATCH_AXIS("Work along the spatial or channel dimensions instead of the batch") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Operator op = ctx.op(i);
      BuiltinOptions o = op.builtinOptions();
      int rank;
      int[] axes;
      if (o.has("axis") && !o.type().equals("SplitOptions")) { // PACK
        Tensor in = ctx.tensor(op.input(0));
        rank = in == null ? 0 : in.rank() + 1;
        axes = new int[] {o.getInt("axis")};
      } else {
        int dataSlot = o.type().equals("SplitOptions") ? 1 : 0;
        int axisSlot = o.type().equals("SplitOptions") ? 0 : 1;
        Tensor in = ctx.tensor(op.input(dataSlot));
        rank = in == null ? 0 : in.rank();
        axes = intsOf(ctx, op.input(axisSlot));
      }
      if (rank < 2 || axes == null) {
        return Optional.empty();
      }
      for (int a : axes) {
        if (a == 0 || a == -rank) {
          return Optional.of(ctx.opName(i) + " works along the batch dimension (axis " + a + ")");
        }
      }
      return Optional.empty();
    }
  },
  /** A MEAN over the depth dimension needs a depth that is a multiple of 4. */
  MEAN_DEPTH_MULTIPLE_OF_4("Pad the channels to a multiple of 4, or reduce over height and width") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      int[] axes = intsOf(ctx, ctx.op(i).input(1));
      if (in == null || axes == null || in.rank() == 0) {
        return Optional.empty();
      }
      int depth = in.shape().get(in.rank() - 1);
      for (int a : axes) {
        if ((a == in.rank() - 1 || a == -1) && depth % 4 != 0) {
          return Optional.of(
              "MEAN reduces the depth dimension of size "
                  + depth
                  + " (a depth reduction needs a multiple of 4)");
        }
      }
      return Optional.empty();
    }
  },
  /** PAD cannot pad the batch dimension. */
  NO_BATCH_PADDING("Pad only the spatial and channel dimensions") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      int[] pads = intsOf(ctx, ctx.op(i).input(1));
      return pads != null && pads.length >= 2 && (pads[0] != 0 || pads[1] != 0)
          ? Optional.of("PAD pads the batch dimension by [" + pads[0] + ", " + pads[1] + "]")
          : Optional.empty();
    }
  },
  /** PRELU alpha may only vary along the innermost dimension. */
  PRELU_ALPHA_INNERMOST("Share alpha across height and width (Keras PReLU(shared_axes=[1, 2]))") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor alpha = ctx.tensor(ctx.op(i).input(1));
      if (alpha == null) {
        return Optional.empty();
      }
      for (int d = 0; d < alpha.rank() - 1; d++) {
        if (alpha.shape().get(d) > 1) {
          return Optional.of(
              "PRELU alpha "
                  + alpha.shape()
                  + " varies outside the innermost dimension (use shared_axes=[1, 2])");
        }
      }
      return Optional.empty();
    }
  },
  /** Only 8-bit to 8-bit QUANTIZE (requantization) is mapped. */
  EIGHT_BIT_REQUANTIZE(
      "Give the model UINT8/INT8 inputs and outputs (inference_input_type/inference_output_type)") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      Tensor out = ctx.tensor(ctx.output(i, 0));
      if (in != null && out != null && eightBit(in.type()) && eightBit(out.type())) {
        return Optional.empty();
      }
      return Optional.of(
          "QUANTIZE from "
              + (in == null ? "?" : in.type())
              + " to "
              + (out == null ? "?" : out.type())
              + " (only 8-bit to 8-bit requantization is mapped; a QUANTIZE from/to FLOAT32 stays on"
              + " the CPU)");
    }
  },
  /** Resizing works on one 3-dimensional image. */
  RESIZE_THREE_DIMENSIONAL("Resize one image at a time (batch 1)") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      return in != null && in.rank() == 4 && in.shape().get(0) > 1
          ? Optional.of(
              ctx.opName(i) + " input " + in.shape() + " is not a single 3-dimensional image")
          : Optional.empty();
    }
  },
  /**
   * With align_corners, resizing maps only with a whole scale factor along height and width: the
   * sampling grid step is (in - 1) / (out - 1), so (out - 1) must be a multiple of (in - 1), and a
   * 1-pixel input has no step at all (the real compiler leaves DeepLab's 1x1 to 33x33 align_corners
   * resize on the CPU). Without align_corners no size limit is known.
   */
  RESIZE_WHOLE_SCALE(
      "Resize by whole factors with align_corners, or resize without align_corners") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      if (ctx.op(i).inputs().length() == 0 || ctx.op(i).outputs().length() == 0) {
        return Optional.empty();
      }
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      Tensor out = ctx.tensor(ctx.op(i).output(0));
      if (in == null || out == null || in.rank() != 4 || out.rank() != 4) {
        return Optional.empty();
      }
      BuiltinOptions o = ctx.op(i).builtinOptions();
      boolean align = o.has("align_corners") && o.getBool("align_corners");
      for (int d = 1; d <= 2; d++) {
        int a = in.shape().get(d);
        int b = out.shape().get(d);
        if (a == b || a <= 0 || b <= 0) {
          continue;
        }
        boolean whole = !align || (a > 1 && b > 1 && (b - 1) % (a - 1) == 0);
        if (!whole) {
          return Optional.of(
              ctx.opName(i)
                  + " from "
                  + in.shape()
                  + " to "
                  + out.shape()
                  + (align ? " with align_corners" : "")
                  + " is not a whole scale factor"
                  + (align && a == 1 ? " (a 1-pixel input has no align_corners step)" : ""));
        }
      }
      return Optional.empty();
    }
  },
  /** SOFTMAX works on a 1-D input of at most 16,000 elements. */
  SOFTMAX_ONE_DIMENSIONAL("Reshape to [1, N] before SOFTMAX, with N at most 16,000") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      if (in == null) {
        return Optional.empty();
      }
      int nonUnit = 0;
      for (int d = 0; d < in.rank(); d++) {
        nonUnit += in.shape().get(d) > 1 ? 1 : 0;
      }
      if (nonUnit > 1) {
        return Optional.of("SOFTMAX input " + in.shape() + " is not one-dimensional");
      }
      return in.elementCount() > 16000
          ? Optional.of("SOFTMAX input has " + in.elementCount() + " elements (at most 16,000)")
          : Optional.empty();
    }
  },
  /** Before Edge TPU runtime 13, SQUEEZE may only drop leading dimensions of size 1. */
  SQUEEZE_LEADING_ONES_BEFORE_13("Use RESHAPE, or target Edge TPU runtime 13+") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      if (in == null || ctx.target().edgetpuRuntime() >= 13) {
        return Optional.empty();
      }
      boolean seenNonUnit = false;
      for (int d = 0; d < in.rank(); d++) {
        if (in.shape().get(d) > 1) {
          seenNonUnit = true;
        } else if (seenNonUnit) {
          return Optional.of(
              "SQUEEZE of "
                  + in.shape()
                  + " removes a dimension after a non-unit"
                  + " one (runtime "
                  + ctx.target().edgetpuRuntime()
                  + " needs leading 1s only)");
        }
      }
      return Optional.empty();
    }
  },
  /** STRIDED_SLICE only with unit strides and no ellipsis or new-axis mask. */
  UNIT_STRIDES("Use unit strides (a slice), and subsample with a strided CONV_2D or pooling") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      BuiltinOptions o = ctx.op(i).builtinOptions();
      if (o.has("ellipsis_mask")
          && (o.getLong("ellipsis_mask") != 0 || o.getLong("new_axis_mask") != 0)) {
        return Optional.of("STRIDED_SLICE uses an ellipsis or new-axis mask (both must be 0)");
      }
      int[] strides = intsOf(ctx, ctx.op(i).input(3));
      if (strides == null) {
        return Optional.of(
            "STRIDED_SLICE strides are not constant (only all-1 strides are" + " supported)");
      }
      for (int s : strides) {
        if (s != 1) {
          return Optional.of(
              "STRIDED_SLICE has strides "
                  + java.util.Arrays.toString(strides)
                  + " (only all-1 strides are supported)");
        }
      }
      return Optional.empty();
    }
  },
  /** TRANSPOSE up to 4 dimensions. */
  TRANSPOSE_AT_MOST_4D("Keep tensors at most 4-D around TRANSPOSE") {
    @Override
    Optional<String> check(RuleContext ctx, int i) {
      Tensor in = ctx.tensor(ctx.op(i).input(0));
      return in != null && in.rank() > 4
          ? Optional.of("TRANSPOSE of a " + in.rank() + "-D tensor (at most 4-D is supported)")
          : Optional.empty();
    }
  };

  private final String hint;

  Limitation(String hint) {
    this.hint = hint;
  }

  /** What to change when an operator violates this limitation. */
  public String hint() {
    return hint;
  }

  /** How operator {@code i} violates this limitation, if it does. */
  abstract Optional<String> check(RuleContext ctx, int i);

  /** Public entry: how operator {@code i} violates this limitation, if it does. */
  public Optional<String> violation(RuleContext ctx, int i) {
    return check(ctx, i);
  }

  private static boolean eightBit(TensorType t) {
    return t == TensorType.INT8 || t == TensorType.UINT8;
  }

  /** The values of a constant INT32/INT64 tensor, or null when not constant. */
  static int[] intsOf(RuleContext ctx, int t) {
    Tensor tensor = ctx.tensor(t);
    if (tensor == null || !ctx.isConstant(tensor)) {
      return null;
    }
    ByteBuffer bb = ctx.model().data(tensor).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    boolean wide = tensor.type() == TensorType.INT64;
    if (tensor.type() != TensorType.INT32 && !wide) {
      return null;
    }
    int n = bb.remaining() / (wide ? 8 : 4);
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = wide ? (int) bb.getLong() : bb.getInt();
    }
    return out;
  }
}
