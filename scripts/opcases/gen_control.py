"""Op-level cases for control flow (WHILE and IF with their subgraphs)."""
import tensorflow as tf

from opcase_lib import case, run, spec

F, I32 = tf.float32, tf.int32


def while_counter():
    def f(x, n):
        i = tf.constant(0)
        _, y = tf.while_loop(lambda i, y: i < n, lambda i, y: (i + 1, y * 0.5 + 1.0), [i, x])
        return y
    case("while_f32", tf.function(f), [spec((2, 3)), spec((), I32)], "WHILE",
         ranges=[(-4, 4), (0, 6)])


def while_int():
    def f(x):
        _, y = tf.while_loop(lambda i, y: tf.reduce_sum(y) < 1000,
                             lambda i, y: (i + 1, y * 2 + 1), [tf.constant(0), x])
        return y
    case("while_i32", tf.function(f), [spec((4,), I32)], "WHILE", lo=1, hi=9)


def if_branch():
    def f(p, x):
        return tf.cond(p[0] > 0, lambda: x * 2.0 + 1.0, lambda: tf.abs(x) - 3.0)
    case("if_f32", tf.function(f), [spec((1,)), spec((2, 4))], "IF", samples=4)


if __name__ == "__main__":
    run([while_counter, while_int, if_branch])
