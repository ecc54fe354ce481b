"""Op-level cases in the 16x8 mode (int16 activations, int8 weights, int16 input and output)."""
import numpy as np
import tensorflow as tf

from opcase_lib import case, run, spec

B_ = []


def add(name, op, f, specs, mode="16x8", **kw):
    def build():
        case(name, tf.function(f), specs, op, mode=mode, **kw)
    build.__name__ = name
    B_.append(build)


for lo, hi in [(-4, 4), (-8, 8), (-12, 12), (-1, 1), (-30, 30)]:
    tag = f"{hi}"
    add(f"tanh_16x8_r{tag}", "TANH", tf.tanh, [spec((2, 64))], lo=lo, hi=hi)
    add(f"logistic_16x8_r{tag}", "LOGISTIC", tf.sigmoid, [spec((2, 64))], lo=lo, hi=hi)

rng = np.random.default_rng(3)
W = {k: tf.constant(rng.uniform(-1, 1, size=s).astype(np.float32)) for k, s in
     [("fc", (12, 7)), ("conv", (3, 3, 4, 6)), ("dw", (3, 3, 4, 2)), ("b6", (6,)), ("b7", (7,)),
      ("b8", (8,))]}
add("add_16x8", "ADD", lambda a, b: a + b, [spec((2, 3, 4)), spec((2, 3, 4))],
    ranges=[(-3, 3), (-1, 1)])
add("add_broadcast_16x8", "ADD", lambda a, b: a + b, [spec((2, 3, 4)), spec((1, 4))],
    ranges=[(-2, 2), (-5, 5)])
add("sub_16x8", "SUB", lambda a, b: a - b, [spec((2, 3, 4)), spec((2, 3, 4))],
    ranges=[(-3, 3), (-1, 1)])
add("mul_16x8", "MUL", lambda a, b: a * b, [spec((2, 3, 4)), spec((2, 3, 4))],
    ranges=[(-3, 3), (-1, 1)])
add("avgpool_16x8", "AVERAGE_POOL_2D", lambda x: tf.nn.avg_pool2d(x, 2, 2, "VALID"),
    [spec((1, 4, 6, 3))])
add("maxpool_16x8", "MAX_POOL_2D", lambda x: tf.nn.max_pool2d(x, 3, 2, "SAME"),
    [spec((1, 5, 5, 3))])
add("concat_16x8", "CONCATENATION", lambda a, b: tf.concat([a, b * 2.0], axis=-1),
    [spec((2, 3, 4)), spec((2, 3, 2))])
add("reshape_16x8", "RESHAPE", lambda x: tf.reshape(x, [4, 6]), [spec((2, 3, 4))])
add("fc_16x8", "FULLY_CONNECTED", lambda x: tf.matmul(x, W["fc"]) + W["b7"], [spec((3, 12))])
add("conv_16x8", "CONV_2D",
    lambda x: tf.nn.conv2d(x, W["conv"], 1, "SAME") + W["b6"], [spec((1, 5, 5, 4))])
add("depthwise_16x8", "DEPTHWISE_CONV_2D",
    lambda x: tf.nn.depthwise_conv2d(x, W["dw"], [1, 1, 1, 1], "VALID") + W["b8"],
    [spec((1, 5, 5, 4))])
add("relu_16x8", "RELU", tf.nn.relu, [spec((2, 16))])
add("leaky_relu_16x8", "LEAKY_RELU", lambda x: tf.nn.leaky_relu(x, 0.2), [spec((2, 16))])
add("pad_16x8", "PAD", lambda x: tf.pad(x, [[0, 0], [1, 2], [0, 1]]), [spec((1, 3, 4))])
add("strided_slice_16x8", "STRIDED_SLICE", lambda x: x[:, 1:5:2, ::-1], [spec((2, 6, 3))])
add("transpose_16x8", "TRANSPOSE", lambda x: tf.transpose(x, [2, 0, 1]), [spec((2, 3, 4))])
add("maximum_16x8", "MAXIMUM", tf.maximum, [spec((2, 3, 4)), spec((2, 3, 4))])
add("relu6_16x8", "RELU6", tf.nn.relu6, [spec((2, 16))], lo=-8, hi=8)
add("minimum_16x8", "MINIMUM", tf.minimum, [spec((2, 3, 4)), spec((4,))])
add("conv_dilated_16x8", "CONV_2D",
    lambda x: tf.nn.conv2d(x, W["conv"], 2, "SAME", dilations=1) + W["b6"], [spec((1, 7, 6, 4))])
add("depthwise_same_16x8", "DEPTHWISE_CONV_2D",
    lambda x: tf.nn.relu(tf.nn.depthwise_conv2d(x, W["dw"], [1, 2, 2, 1], "SAME")),
    [spec((1, 6, 5, 4))])
add("quantize_float_in_16x8", "QUANTIZE", lambda x: tf.nn.relu(x), [spec((2, 8))],
    mode="16x8_float_io")
# SOFTMAX, MEAN and RESIZE_BILINEAR on int16 have no kernel here yet (refused with the reason).

if __name__ == "__main__":
    run(B_)
