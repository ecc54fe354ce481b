package org.edgetpu4j.validator.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.edgetpu4j.tflite.Buffer;
import org.edgetpu4j.tflite.BuiltinOp;
import org.edgetpu4j.tflite.BuiltinOptions;
import org.edgetpu4j.tflite.IntArray;
import org.edgetpu4j.tflite.Model;
import org.edgetpu4j.tflite.Operator;
import org.edgetpu4j.tflite.OperatorCode;
import org.edgetpu4j.tflite.QuantParams;
import org.edgetpu4j.tflite.Subgraph;
import org.edgetpu4j.tflite.Tensor;
import org.edgetpu4j.tflite.TensorType;
import org.junit.jupiter.api.Test;

/** The converter's version choices, one signature property at a time. */
class OpVersionsTest {
  static final QuantParams Q = QuantParams.perTensor(0.1f, 0);

  static RequiredVersion version(BuiltinOp code, BuiltinOptions opts, Tensor[] ins, Tensor out) {
    List<Tensor> tensors = new java.util.ArrayList<>(List.of(ins));
    tensors.add(out);
    int[] idx = new int[ins.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Operator op = Operator.of(0, IntArray.of(idx), IntArray.of(ins.length), opts);
    Subgraph sg = new Subgraph("", tensors, IntArray.of(0), IntArray.of(ins.length), List.of(op));
    Model m =
        new Model(
            3,
            List.of(OperatorCode.builtin(code, 1)),
            List.of(sg),
            "",
            List.of(Buffer.EMPTY),
            IntArray.empty(),
            List.of(),
            List.of());
    return OpVersions.required(m, sg, op).orElseThrow();
  }

  static Tensor t(TensorType type, int... shape) {
    return Tensor.of(
        "", type, IntArray.of(shape), 0, type == TensorType.FLOAT32 ? QuantParams.NONE : Q);
  }

  @Test
  void fullyConnected() {
    BuiltinOptions plain = BuiltinOptions.of("FullyConnectedOptions");
    Tensor x = t(TensorType.INT8, 1, 8);
    Tensor w = t(TensorType.INT8, 4, 8);
    Tensor b = t(TensorType.INT32, 4);
    Tensor y = t(TensorType.INT8, 1, 4);
    RequiredVersion v4 = version(BuiltinOp.FULLY_CONNECTED, plain, new Tensor[] {x, w, b}, y);
    assertThat(v4.version()).isEqualTo(4);
    assertThat(v4.reason()).isEqualTo("input, weights and output are INT8");
    assertThat(version(BuiltinOp.FULLY_CONNECTED, plain, new Tensor[] {x, w}, y).version())
        .isEqualTo(6);
    assertThat(
            version(
                    BuiltinOp.FULLY_CONNECTED,
                    BuiltinOptions.of("FullyConnectedOptions", "keep_num_dims", true),
                    new Tensor[] {x, w, b},
                    y)
                .version())
        .isEqualTo(5);
    Tensor fx = t(TensorType.FLOAT32, 1, 8);
    Tensor fy = t(TensorType.FLOAT32, 1, 4);
    assertThat(version(BuiltinOp.FULLY_CONNECTED, plain, new Tensor[] {fx, w, b}, fy).version())
        .isEqualTo(3);
    assertThat(
            version(
                    BuiltinOp.FULLY_CONNECTED,
                    plain,
                    new Tensor[] {t(TensorType.UINT8, 1, 8), t(TensorType.UINT8, 4, 8), b},
                    t(TensorType.UINT8, 1, 4))
                .version())
        .isEqualTo(1);
  }

  @Test
  void convolutions() {
    BuiltinOptions conv = BuiltinOptions.of("Conv2DOptions");
    Tensor x = t(TensorType.INT8, 1, 8, 8, 4);
    Tensor y = t(TensorType.INT8, 1, 8, 8, 4);
    assertThat(
            version(BuiltinOp.CONV_2D, conv, new Tensor[] {x, t(TensorType.INT8, 4, 3, 3, 4)}, y)
                .version())
        .isEqualTo(3);
    assertThat(
            version(BuiltinOp.CONV_2D, conv, new Tensor[] {x, t(TensorType.INT8, 4, 3, 3, 2)}, y)
                .reason())
        .startsWith("grouped convolution");
    BuiltinOptions dilated =
        BuiltinOptions.of("DepthwiseConv2DOptions", "dilation_w_factor", 2, "dilation_h_factor", 2);
    assertThat(
            version(
                    BuiltinOp.DEPTHWISE_CONV_2D,
                    dilated,
                    new Tensor[] {
                      t(TensorType.FLOAT32, 1, 8, 8, 4), t(TensorType.FLOAT32, 1, 3, 3, 4)
                    },
                    t(TensorType.FLOAT32, 1, 8, 8, 4))
                .version())
        .isEqualTo(2);
  }

  @Test
  void optionsRaiseVersions() {
    Tensor x = t(TensorType.INT8, 1, 4, 4, 3);
    Tensor size = t(TensorType.INT32, 2);
    Tensor y = t(TensorType.INT8, 1, 8, 8, 3);
    assertThat(
            version(
                    BuiltinOp.RESIZE_NEAREST_NEIGHBOR,
                    BuiltinOptions.of("ResizeNearestNeighborOptions", "align_corners", true),
                    new Tensor[] {x, size},
                    y)
                .version())
        .isEqualTo(3);
    assertThat(
            version(
                    BuiltinOp.RESIZE_BILINEAR,
                    BuiltinOptions.of("ResizeBilinearOptions", "align_corners", true),
                    new Tensor[] {x, size},
                    y)
                .version())
        .isEqualTo(2);
    assertThat(
            version(
                    BuiltinOp.STRIDED_SLICE,
                    BuiltinOptions.of("StridedSliceOptions", "new_axis_mask", 1),
                    new Tensor[] {x, size, size, size},
                    y)
                .version())
        .isEqualTo(6);
  }

  @Test
  void mulWithLargeRescaleIsVersion3() {
    Tensor a = Tensor.of("", TensorType.INT8, IntArray.of(1, 4), 0, QuantParams.perTensor(2f, 0));
    Tensor b = Tensor.of("", TensorType.INT8, IntArray.of(1, 4), 0, QuantParams.perTensor(1f, 0));
    Tensor y = Tensor.of("", TensorType.INT8, IntArray.of(1, 4), 0, QuantParams.perTensor(0.5f, 0));
    assertThat(
            version(BuiltinOp.MUL, BuiltinOptions.of("MulOptions"), new Tensor[] {a, b}, y)
                .version())
        .isEqualTo(3);
    Tensor small =
        Tensor.of("", TensorType.INT8, IntArray.of(1, 4), 0, QuantParams.perTensor(8f, 0));
    assertThat(
            version(BuiltinOp.MUL, BuiltinOptions.of("MulOptions"), new Tensor[] {a, b}, small)
                .version())
        .isEqualTo(2);
  }
}
