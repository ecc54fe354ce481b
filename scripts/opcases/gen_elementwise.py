"""Op-level cases for elementwise unary, binary, comparison, logic and select operators."""
import numpy as np
import tensorflow as tf

from opcase_lib import case, run, spec

F, I32, I64, B = tf.float32, tf.int32, tf.int64, tf.bool
B_ = []


def unary(name, op, f, dtype=F, shape=(2, 3, 4), lo=-4.0, hi=4.0, mode="float"):
    def build():
        case(name, tf.function(f), [spec(shape, dtype)], op, mode=mode, lo=lo, hi=hi)
    build.__name__ = name
    B_.append(build)


def binary(name, op, f, dtype=F, shapes=((2, 3, 4), (3, 1)), lo=-4.0, hi=4.0, mode="float",
           ranges=None, values=None):
    def build():
        case(name, tf.function(f), [spec(s, dtype) for s in shapes], op, mode=mode, lo=lo, hi=hi,
             ranges=ranges, values=values)
    build.__name__ = name
    B_.append(build)


# unary float
unary("abs_f32", "ABS", tf.abs)
unary("abs_i32", "ABS", tf.abs, I32, lo=-1000, hi=1000)
unary("neg_f32", "NEG", tf.negative)
unary("neg_i32", "NEG", tf.negative, I32, lo=-1000, hi=1000)
unary("neg_i64", "NEG", tf.negative, I64, lo=-10**12, hi=10**12)
unary("floor_f32", "FLOOR", tf.floor)
unary("ceil_f32", "CEIL", tf.math.ceil)
unary("round_f32", "ROUND", tf.round, lo=-3, hi=3)
unary("sign_f32", "SIGN", tf.sign)
unary("sign_i32", "SIGN", tf.sign, I32, lo=-3, hi=3)
unary("cos_f32", "COS", tf.cos, lo=-7, hi=7)
unary("sin_f32", "SIN", tf.sin, lo=-7, hi=7)
unary("square_f32", "SQUARE", tf.square)
unary("rsqrt_f32", "RSQRT", tf.math.rsqrt, lo=0.01, hi=100)
unary("log_f32", "LOG", tf.math.log, lo=0.001, hi=1000)
unary("sqrt_f32", "SQRT", tf.sqrt, lo=0, hi=100)
unary("exp_f32", "EXP", tf.exp, lo=-10, hi=10)
unary("elu_f32", "ELU", tf.nn.elu)
# GELU and TANH on float32 are evaluated by Eigen's vectorised erfc/tanh approximations in the
# reference kernels; they are not reproduced bit for bit, so they have no cases here.
unary("hard_swish_f32", "HARD_SWISH", lambda x: x * tf.nn.relu6(x + 3) / 6)
unary("logistic_f32", "LOGISTIC", tf.sigmoid, lo=-10, hi=10)
unary("relu_f32", "RELU", tf.nn.relu)
unary("relu6_f32", "RELU6", tf.nn.relu6, lo=-8, hi=8)
unary("logical_not", "LOGICAL_NOT", tf.logical_not, B)
unary("log_softmax_f32", "LOG_SOFTMAX", tf.nn.log_softmax, lo=-10, hi=10)
# LOCAL_RESPONSE_NORMALIZATION: the kernel follows TFLite's window and formula, but the reference
# raises with the C library's powf, which is not correctly rounded; about one element in six
# differs by one ulp, so it has no bit-exact case here.

# binary float / int with broadcasting
binary("add_f32", "ADD", tf.add)
binary("add_i32", "ADD", tf.add, I32, lo=-10**6, hi=10**6)
binary("add_i64", "ADD", tf.add, I64, lo=-10**12, hi=10**12)
binary("sub_f32", "SUB", tf.subtract)
binary("sub_i32", "SUB", tf.subtract, I32, lo=-10**6, hi=10**6)
binary("sub_i64", "SUB", tf.subtract, I64, lo=-10**12, hi=10**12)
binary("mul_f32", "MUL", tf.multiply)
binary("mul_i32", "MUL", tf.multiply, I32, lo=-1000, hi=1000)
binary("mul_i64", "MUL", tf.multiply, I64, lo=-10**5, hi=10**5)
binary("maximum_f32", "MAXIMUM", tf.maximum)
binary("maximum_i32", "MAXIMUM", tf.maximum, I32, lo=-100, hi=100)
binary("minimum_i64", "MINIMUM", tf.minimum, I64, lo=-100, hi=100)
binary("squared_difference_f32", "SQUARED_DIFFERENCE", tf.math.squared_difference)
binary("squared_difference_i32", "SQUARED_DIFFERENCE", tf.math.squared_difference, I32,
       lo=-1000, hi=1000)
binary("pow_f32", "POW", tf.pow, ranges=[(0.1, 3), (-2, 2)])
binary("pow_i32", "POW", tf.pow, I32, ranges=[(-4, 4), (0, 6)])
binary("floor_mod_f32", "FLOOR_MOD", tf.math.floormod, ranges=[(-10, 10), (0.5, 3)])
binary("floor_mod_i32", "FLOOR_MOD", tf.math.floormod, I32, ranges=[(-100, 100), (1, 9)])
binary("floor_mod_i32_neg", "FLOOR_MOD", tf.math.floormod, I32, ranges=[(-100, 100), (-9, -1)])
binary("floor_mod_i64", "FLOOR_MOD", tf.math.floormod, I64, ranges=[(-100, 100), (1, 9)])
for cmp, f in [("equal", tf.equal), ("not_equal", tf.not_equal), ("less", tf.less),
               ("less_equal", tf.less_equal), ("greater", tf.greater),
               ("greater_equal", tf.greater_equal)]:
    binary(cmp + "_f32", cmp.upper(), f, lo=-2, hi=2)
    binary(cmp + "_i32", cmp.upper(), f, I32, lo=-3, hi=3)
    binary(cmp + "_i64", cmp.upper(), f, I64, lo=-3, hi=3, shapes=((4, 5), (5,)))
binary("less_int8", "LESS", tf.less, mode="int8", ranges=[(-2, 2), (-1, 3)])
binary("equal_int8", "EQUAL", tf.equal, mode="int8", ranges=[(-2, 2), (-2, 2)])
binary("greater_equal_int8", "GREATER_EQUAL", tf.greater_equal, mode="int8")
binary("equal_bool", "EQUAL", tf.equal, B)
binary("logical_and", "LOGICAL_AND", tf.logical_and, B)
binary("logical_or", "LOGICAL_OR", tf.logical_or, B, shapes=((2, 3, 4), (2, 1, 4)))


def select_cases():
    case("select_v2_f32",
         tf.function(lambda c, a, b: tf.where(c, a, b)),
         [spec((2, 3, 4), B), spec((3, 1)), spec((4,))], "SELECT_V2")
    case("select_v2_i32",
         tf.function(lambda c, a, b: tf.where(c, a, b)),
         [spec((2, 1, 4), B), spec((2, 3, 4), I32), spec((2, 3, 4), I32)], "SELECT_V2",
         lo=-100, hi=100)
    case("select_v1_f32",
         tf.function(lambda c, a, b: tf.raw_ops.Select(condition=c, x=a, y=b)),
         [spec((2, 3), B), spec((2, 3)), spec((2, 3))], "SELECT")
    case("select_v1_rank1_cond",
         tf.function(lambda c, a, b: tf.raw_ops.Select(condition=c, x=a, y=b)),
         [spec((2,), B), spec((2, 3)), spec((2, 3))], "SELECT")


def prelu_cases():
    for name, mode, shared in [("prelu_f32", "float", None), ("prelu_int8", "int8", None),
                               ("prelu_shared_f32", "float", [1, 2])]:
        layer = tf.keras.layers.PReLU(shared_axes=shared)
        layer.build((1, 3, 3, 4))
        w = np.linspace(-0.5, 0.5, int(np.prod(layer.alpha.shape)), dtype=np.float32)
        layer.alpha.assign(w.reshape(layer.alpha.shape))
        case(name, tf.function(lambda x: layer(x)), [spec((1, 3, 3, 4))], "PRELU", mode=mode)


def add_n_cases():
    case("add_n_f32", tf.function(lambda a, b, c: tf.math.add_n([a, b, c])),
         [spec((2, 3)), spec((2, 3)), spec((2, 3))], "ADD_N")
    case("add_n_i32", tf.function(lambda a, b: tf.math.add_n([a, b])),
         [spec((4,), I32), spec((4,), I32)], "ADD_N", lo=-1000, hi=1000)


B_ += [select_cases, prelu_cases, add_n_cases]

if __name__ == "__main__":
    run(B_)
