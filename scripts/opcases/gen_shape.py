"""Op-level cases for element-moving operators and reductions, in float32, int32, int64, bool and
int8 (full-integer conversion)."""
import numpy as np
import tensorflow as tf

from opcase_lib import case, run, spec

F, I32, I64, B = tf.float32, tf.int32, tf.int64, tf.bool
B_ = []


def add(name, op, f, specs, mode="float", **kw):
    def build():
        case(name, tf.function(f), specs, op, mode=mode, **kw)
    build.__name__ = name
    B_.append(build)


for dt, tag, kw in [(F, "f32", {}), (I32, "i32", dict(lo=-100, hi=100))]:
    add("transpose_2d_" + tag, "TRANSPOSE", lambda x: tf.transpose(x), [spec((3, 5), dt)], **kw)
    add("transpose_4d_" + tag, "TRANSPOSE", lambda x: tf.transpose(x, [0, 3, 1, 2]),
        [spec((2, 3, 4, 5), dt)], **kw)
add("transpose_5d_int8", "TRANSPOSE", lambda x: tf.transpose(x, [4, 2, 0, 3, 1]),
    [spec((2, 3, 2, 3, 2))], mode="int8")
add("transpose_3d_bool", "TRANSPOSE", lambda x: tf.transpose(x, [2, 0, 1]), [spec((2, 3, 4), B)])
add("slice_f32", "SLICE", lambda x: tf.slice(x, [1, 0, 2], [2, -1, 3]), [spec((4, 3, 6))])
add("slice_int8", "SLICE", lambda x: tf.slice(x, [0, 1, 1, 0], [1, 2, 2, 3]),
    [spec((2, 4, 4, 3))], mode="int8")
add("reverse_f32", "REVERSE_V2", lambda x: tf.reverse(x, [1]), [spec((2, 5, 3))])
add("reverse_i32_2axes", "REVERSE_V2", lambda x: tf.reverse(x, [1, 2]), [spec((2, 5, 3), I32)],
    lo=-9, hi=9)
add("broadcast_to_f32", "BROADCAST_TO", lambda x: tf.broadcast_to(x, [2, 3, 4]),
    [spec((3, 1))])
add("broadcast_to_i32", "BROADCAST_TO", lambda x: tf.broadcast_to(x, [4, 2, 5]),
    [spec((1, 5), I32)], lo=-9, hi=9)
add("depth_to_space_f32", "DEPTH_TO_SPACE", lambda x: tf.nn.depth_to_space(x, 2),
    [spec((1, 2, 3, 8))])
add("space_to_depth_f32", "SPACE_TO_DEPTH", lambda x: tf.nn.space_to_depth(x, 2),
    [spec((1, 4, 6, 3))])
add("space_to_depth_int8", "SPACE_TO_DEPTH", lambda x: tf.nn.space_to_depth(x, 2),
    [spec((2, 4, 4, 2))], mode="int8")
add("space_to_batch_f32", "SPACE_TO_BATCH_ND",
    lambda x: tf.space_to_batch_nd(x, [2, 3], [[1, 1], [2, 1]]), [spec((2, 4, 3, 2))])
add("space_to_batch_int8", "SPACE_TO_BATCH_ND",
    lambda x: tf.space_to_batch_nd(x, [2, 2], [[0, 0], [1, 1]]), [spec((1, 4, 4, 3))],
    mode="int8")
add("batch_to_space_f32", "BATCH_TO_SPACE_ND",
    lambda x: tf.batch_to_space(x, [2, 3], [[1, 0], [0, 2]]), [spec((12, 2, 3, 2))])
add("batch_to_space_int8", "BATCH_TO_SPACE_ND",
    lambda x: tf.batch_to_space(x, [2, 2], [[0, 0], [1, 1]]), [spec((4, 3, 3, 2))],
    mode="int8")
add("mirror_pad_reflect_f32", "MIRROR_PAD",
    lambda x: tf.pad(x, [[0, 0], [2, 1], [1, 2], [0, 0]], mode="REFLECT"),
    [spec((1, 4, 3, 2))])
add("mirror_pad_symmetric_f32", "MIRROR_PAD",
    lambda x: tf.pad(x, [[1, 0], [3, 2]], mode="SYMMETRIC"), [spec((3, 4))])
add("mirror_pad_reflect_int8", "MIRROR_PAD",
    lambda x: tf.pad(x, [[0, 0], [1, 1], [2, 2], [0, 0]], mode="REFLECT"),
    [spec((1, 3, 4, 2))], mode="int8")
add("split_v_f32", "SPLIT_V", lambda x: tf.split(x, [2, -1, 3], axis=1), [spec((2, 9, 3))])
add("split_v_i32", "SPLIT_V", lambda x: tf.split(x, [1, 4], axis=-1), [spec((3, 5), I32)],
    lo=-9, hi=9)
add("split_v_int8", "SPLIT_V", lambda x: tf.split(x, [3, 1], axis=3), [spec((1, 2, 2, 4))],
    mode="int8")
add("expand_dims_f32", "EXPAND_DIMS", lambda x: tf.expand_dims(x, 1) * 2.0, [spec((None, 4))])
add("fill_f32", "FILL", lambda v: tf.fill([2, 3, 4], v), [spec(())])
add("fill_i32", "FILL", lambda v: tf.fill([5, 2], v), [spec((), I32)], lo=-100, hi=100)
add("fill_bool", "FILL", lambda v: tf.fill([3, 2], v), [spec((), B)])

for dt, tag, kw in [(F, "f32", {}), (I32, "i32", dict(lo=-9, hi=9)),
                    (I64, "i64", dict(lo=-9, hi=9))]:
    add("sum_" + tag, "SUM", lambda x: tf.reduce_sum(x, axis=[0, 2]), [spec((3, 4, 5), dt)], **kw)
    add("sum_keepdims_" + tag, "SUM", lambda x: tf.reduce_sum(x, axis=-1, keepdims=True),
        [spec((3, 4, 5), dt)], **kw)
    add("reduce_max_" + tag, "REDUCE_MAX", lambda x: tf.reduce_max(x, axis=1),
        [spec((3, 4, 5), dt)], **kw)
    add("reduce_min_" + tag, "REDUCE_MIN", lambda x: tf.reduce_min(x, axis=[0, 1]),
        [spec((3, 4, 5), dt)], **kw)
add("reduce_prod_f32", "REDUCE_PROD", lambda x: tf.reduce_prod(x, axis=1),
    [spec((3, 4, 5))], lo=0.5, hi=1.5)
add("reduce_prod_i32", "REDUCE_PROD", lambda x: tf.reduce_prod(x, axis=0),
    [spec((3, 4, 5), I32)], lo=-5, hi=5)
add("reduce_max_int8", "REDUCE_MAX", lambda x: tf.reduce_max(x, axis=[1, 2]),
    [spec((2, 3, 4, 5))], mode="int8")
add("reduce_min_int8_keepdims", "REDUCE_MIN",
    lambda x: tf.reduce_min(x, axis=[1], keepdims=True), [spec((2, 3, 4))], mode="int8")
# SUM on int8 (rescaled sums) has no kernel yet: it is refused with the reason.
add("reduce_any", "REDUCE_ANY", lambda x: tf.reduce_any(x, axis=1), [spec((3, 4, 2), B)])
add("reduce_all", "REDUCE_ALL", lambda x: tf.reduce_all(x, axis=[0, 2], keepdims=True),
    [spec((3, 4, 2), B)])

if __name__ == "__main__":
    run(B_)
