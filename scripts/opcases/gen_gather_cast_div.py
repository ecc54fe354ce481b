"""Op-level cases for CAST, DIV, FLOOR_DIV, GATHER, GATHER_ND, UNPACK and TILE (goldens from
TFLite's BUILTIN_REF kernels). Same layout and helpers as gen_split_argminmax.py:
  python scripts/opcases/gen_gather_cast_div.py device/src/test/resources/opcases
"""
import os
import sys

import numpy as np
import tensorflow as tf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_split_argminmax import convert, write_case  # noqa: E402

TYPES = {
    "float32": (np.float32, tf.float32),
    "int32": (np.int32, tf.int32),
    "int64": (np.int64, tf.int64),
    "int8": (np.int8, tf.int8),
    "uint8": (np.uint8, tf.uint8),
    "int16": (np.int16, tf.int16),
    "bool": (np.bool_, tf.bool),
}


def case(out, name, op, fn, specs, edges=True):
    try:
        model = convert(fn, [tf.TensorSpec(sh, TYPES[t][1]) for t, sh in specs])
    except Exception as e:  # a type the converter does not take
        print("skip", name, e.__class__.__name__)
        return
    write_case(out, name, op, model, [TYPES[t][0] for t, _ in specs], [sh for _, sh in specs], edges)


def main(out):
    # CAST between the element types (bool inputs are drawn as 0/1 bytes by numpy's integers)
    for src in ["float32", "int32", "int64", "int8", "uint8", "int16"]:
        for dst in ["float32", "int32", "int64", "int8", "uint8", "int16", "bool"]:
            if src == dst:
                continue
            fn = tf.function(lambda x, d=TYPES[dst][1]: tf.cast(x, d))
            case(out, f"cast_{src}_to_{dst}", "CAST", fn, [(src, (3, 5))])
    # DIV / FLOOR_DIV: float with broadcasting and fused relu; int32 (nonzero divisors)
    fn = tf.function(lambda a, b: tf.math.divide(a, b))
    case(out, "div_float32_bcast", "DIV", fn, [("float32", (2, 3, 4)), ("float32", (3, 1))])
    fn = tf.function(lambda a, b: tf.nn.relu(tf.math.divide(a, b)))
    case(out, "div_float32_relu", "DIV", fn, [("float32", (4, 4)), ("float32", (4, 4))])
    fn = tf.function(lambda a: tf.math.floordiv(a, tf.constant([3, -7, 5], tf.int32)))
    case(out, "floor_div_int32_const", "FLOOR_DIV", fn, [("int32", (4, 3))])
    fn = tf.function(lambda a, b: tf.math.floordiv(a, b))
    case(
        out,
        "floor_div_float32_bcast",
        "FLOOR_DIV",
        fn,
        [("float32", (2, 5)), ("float32", (1, 5))],
        edges=False,  # TFLite refuses a zero divisor
    )
    # GATHER: axes, batch_dims, types
    for t in ["float32", "int8", "uint8", "int32", "int64"]:
        fn = tf.function(lambda p: tf.gather(p, tf.constant([[2, 0], [1, 1]], tf.int32), axis=1))
        case(out, f"gather_{t}_axis1", "GATHER", fn, [(t, (2, 3, 4))])
    # GATHER_ND: full and partial index depth
    for t in ["float32", "int8", "int32", "int64"]:
        fn = tf.function(lambda p: tf.gather_nd(p, tf.constant([[0, 1, 2], [1, 0, 0]], tf.int32)))
        case(out, f"gather_nd_{t}_full", "GATHER_ND", fn, [(t, (2, 2, 3))])
        fn = tf.function(lambda p: tf.gather_nd(p, tf.constant([[1], [0], [1]], tf.int32)))
        case(out, f"gather_nd_{t}_slices", "GATHER_ND", fn, [(t, (2, 2, 3))])
    # UNPACK along each axis
    for t in ["float32", "int32", "int8", "uint8"]:
        for axis in (0, 1, -1):
            fn = tf.function(lambda x, a=axis: tf.unstack(x, axis=a))
            case(out, f"unpack_{t}_axis{axis}", "UNPACK", fn, [(t, (2, 3, 4))])
    # TILE
    for t in ["float32", "int32", "int64", "int8", "uint8", "bool"]:
        fn = tf.function(lambda x: tf.tile(x, [2, 1, 3]))
        case(out, f"tile_{t}", "TILE", fn, [(t, (2, 3, 2))], edges=False)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "device/src/test/resources/opcases")
