"""Op-level cases for SPLIT, ARG_MAX and ARG_MIN with goldens from TFLite's reference kernels.

Run with tensorflow-cpu 2.21.0:
  python scripts/opcases/gen_split_argminmax.py device/src/test/resources/opcases

Each case is a folder <out>/<case>/ holding model.tflite, input_<s>_<i>.bin, expected_<s>_<o>.bin
(raw little-endian tensor bytes) and case.json ({"inputs": [{dtype, shape}], "outputs": [...],
"samples": N, "op": ..., "produced_by": ...}). Deterministic: seeds come from the case name.
"""
import json
import os
import sys
import zlib

import numpy as np
import tensorflow as tf

SAMPLES = 2


def rng_for(name, s):
    return np.random.default_rng(zlib.crc32(f"{name}:{s}".encode()))


def draw(rng, dtype, shape, edges):
    if dtype == np.float32:
        x = rng.uniform(-4, 4, size=shape).astype(np.float32)
        if edges:  # ties, infinities, signed zeros
            flat = x.reshape(-1)
            flat[: min(4, flat.size)] = np.array([0.0, -0.0, np.inf, -np.inf], np.float32)[
                : min(4, flat.size)
            ]
            if flat.size > 6:
                flat[5] = flat[6]
        return x
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    info = np.iinfo(dtype)
    x = rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    if edges and x.size > 3:
        flat = x.reshape(-1)
        flat[0], flat[1], flat[2] = info.min, info.max, info.max  # a tie on the maximum
    return x


def convert(fn, specs, quantize=None, rep=None):
    conc = fn.get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([conc], fn)
    if quantize:
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
        conv.representative_dataset = rep
        conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        conv.inference_input_type = quantize
        conv.inference_output_type = quantize
    return conv.convert()


def run_reference(model, inputs):
    it = tf.lite.Interpreter(
        model_content=model,
        num_threads=1,
        experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF,
    )
    it.allocate_tensors()
    for d, x in zip(it.get_input_details(), inputs):
        it.set_tensor(d["index"], x)
    it.invoke()
    return [it.get_tensor(d["index"]) for d in it.get_output_details()], it


def write_case(out, name, op, model, input_dtypes, input_shapes, edges=True):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "model.tflite"), "wb") as f:
        f.write(model)
    outputs_meta = None
    inputs_meta = None
    for s in range(SAMPLES):
        rng = rng_for(name, s)
        xs = [draw(rng, dt, sh, edges and s == 0) for dt, sh in zip(input_dtypes, input_shapes)]
        ys, it = run_reference(model, xs)
        for i, x in enumerate(xs):
            x.astype(x.dtype.newbyteorder("<")).tofile(os.path.join(d, f"input_{s}_{i}.bin"))
        for o, y in enumerate(ys):
            y.astype(y.dtype.newbyteorder("<")).tofile(os.path.join(d, f"expected_{s}_{o}.bin"))
        inputs_meta = [
            {"dtype": np.dtype(x.dtype).name, "shape": list(x.shape)} for x in xs
        ]
        outputs_meta = [
            {"dtype": np.dtype(y.dtype).name, "shape": list(y.shape)} for y in ys
        ]
    meta = {
        "name": name,
        "op": op,
        "inputs": inputs_meta,
        "outputs": outputs_meta,
        "samples": SAMPLES,
        "produced_by": f"tensorflow-cpu {tf.__version__} tf.lite.Interpreter BUILTIN_REF, 1 thread",
    }
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


def quantized(fn, shape, qtype, name, op, out):
    def rep():
        r = np.random.default_rng(zlib.crc32(name.encode()))
        for _ in range(16):
            yield [r.uniform(-4, 4, size=shape).astype(np.float32)]

    model = convert(fn, [tf.TensorSpec(shape, tf.float32)], quantize=qtype, rep=rep)
    write_case(out, name, op, model, [np.dtype(qtype.as_numpy_dtype)], [shape])


def main(out):
    # SPLIT: axes (negative too), element types
    for dtype, tfd in [(np.float32, tf.float32), (np.int32, tf.int32), (np.int64, tf.int64)]:
        for shape, axis, n in [((2, 6, 3), 1, 3), ((4, 5), -2, 2), ((1, 2, 2, 8), 3, 4)]:
            fn = tf.function(lambda x, a=axis, k=n: tf.split(x, k, axis=a))
            try:
                model = convert(fn, [tf.TensorSpec(shape, tfd)])
            except Exception as e:  # a type the converter does not take
                print("skip SPLIT", dtype, e.__class__.__name__)
                continue
            name = f"split_{np.dtype(dtype).name}_{'x'.join(map(str, shape))}_a{axis}_n{n}"
            write_case(out, name, "SPLIT", model, [dtype], [shape])
    for qtype in (tf.int8, tf.uint8):
        fn = tf.function(lambda x: tf.split(x, 2, axis=1))
        quantized(fn, (1, 4, 3), qtype, f"split_{qtype.name}", "SPLIT", out)

    # ARG_MAX / ARG_MIN: axes, output types, element types, ties and infinities
    for opname, tfop in [("ARG_MAX", tf.math.argmax), ("ARG_MIN", tf.math.argmin)]:
        for dtype, tfd in [
            (np.float32, tf.float32),
            (np.int32, tf.int32),
            (np.int64, tf.int64),
            (np.uint8, tf.uint8),
            (np.int8, tf.int8),
        ]:
            for shape, axis, otype in [
                ((2, 3, 5), 2, tf.int64),
                ((4, 6), 0, tf.int32),
                ((1, 3, 3, 4), -1, tf.int32),
            ]:
                fn = tf.function(lambda x, a=axis, t=otype, f=tfop: f(x, axis=a, output_type=t))
                try:
                    model = convert(fn, [tf.TensorSpec(shape, tfd)])
                except Exception as e:  # a type the converter does not take
                    print("skip", opname, dtype, e.__class__.__name__)
                    continue
                name = (
                    f"{opname.lower()}_{np.dtype(dtype).name}_{'x'.join(map(str, shape))}"
                    f"_a{axis}_{otype.name}"
                )
                write_case(out, name, opname, model, [dtype], [shape])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "device/src/test/resources/opcases")
