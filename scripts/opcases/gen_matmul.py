"""Op-level cases for BATCH_MATMUL (float32 and int8 activations on both sides)."""
import tensorflow as tf

from opcase_lib import case, run, spec

B_ = []


def add(name, f, specs, mode="float", **kw):
    def build():
        case(name, tf.function(f), specs, "BATCH_MATMUL", mode=mode, **kw)
    build.__name__ = name
    B_.append(build)


add("batch_matmul_f32", tf.matmul, [spec((2, 3, 4)), spec((2, 4, 5))])
add("batch_matmul_broadcast_f32", tf.matmul, [spec((2, 1, 3, 4)), spec((3, 4, 2))])
add("batch_matmul_adj_f32", lambda a, b: tf.matmul(a, b, adjoint_a=True, adjoint_b=True),
    [spec((2, 4, 3)), spec((2, 5, 4))])
add("batch_matmul_int8", tf.matmul, [spec((2, 3, 4)), spec((2, 4, 5))], mode="int8")
add("batch_matmul_adj_y_int8", lambda a, b: tf.matmul(a, b, adjoint_b=True),
    [spec((1, 3, 6)), spec((1, 2, 6))], mode="int8")

if __name__ == "__main__":
    run(B_)
