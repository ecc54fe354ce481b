"""Shared helpers for generated op-level cases.

Each case is a tiny model converted with the TFLite converter, inputs drawn with a fixed seed and
goldens computed by TFLite's reference kernels (BUILTIN_REF). Files written per case:
model.tflite, input_<s>_<i>.bin, expected_<s>_<o>.bin (raw little-endian) and case.json.

Run with the TensorFlow 2.21 venv: /work/tools/tf221/bin/python scripts/opcases/gen_<group>.py
"""
import json
import os
import shutil
import sys
import zlib

import numpy as np
import tensorflow as tf

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "device", "src", "test", "resources",
                    "opcases")
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
SAMPLES = 2


def convert(fn, specs, mode="float", rep=None):
    """Converts a tf.function with TensorSpecs; mode float, int8 (full integer) or 16x8."""
    conc = fn.get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([conc], fn)
    if mode != "float":
        conv.optimizations = [tf.lite.Optimize.DEFAULT]
        conv.representative_dataset = rep
        if mode == "int8":
            conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
            conv.inference_input_type = tf.int8
            conv.inference_output_type = tf.int8
        elif mode == "uint8":
            conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
            conv.inference_input_type = tf.uint8
            conv.inference_output_type = tf.uint8
        elif mode in ("16x8", "16x8_float_io"):
            conv.target_spec.supported_ops = [
                tf.lite.OpsSet.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8]
            if mode == "16x8":
                conv.inference_input_type = tf.int16
                conv.inference_output_type = tf.int16
    return conv.convert()


def _draw(rng, dtype, shape, lo, hi):
    if dtype == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        return rng.integers(max(lo, info.min), min(hi, info.max) + 1, size=shape,
                            dtype=np.int64).astype(dtype)
    return rng.uniform(lo, hi, size=shape).astype(dtype)


def case(name, fn, specs, op, mode="float", lo=-4.0, hi=4.0, samples=SAMPLES, ranges=None,
         values=None):
    """Builds case `name`: `op` must appear in the converted model. `ranges` gives (lo, hi) per
    input; `values` gives explicit arrays per sample (list of lists) instead of random draws."""
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    ranges = ranges or [(lo, hi)] * len(specs)

    def rep():
        r = np.random.default_rng(7)
        for _ in range(64):
            yield [_draw(r, s.dtype.as_numpy_dtype, [d or 1 for d in s.shape], *ranges[i])
                   for i, s in enumerate(specs)]

    model = convert(fn, specs, mode, rep)
    interp = tf.lite.Interpreter(model_content=model, experimental_op_resolver_type=REF)
    interp.allocate_tensors()
    ops = [d["op_name"] for d in interp._get_ops_details()]
    if op not in ops:
        raise SystemExit(f"{name}: expected {op} in {ops}")
    ins = interp.get_input_details()
    outs = interp.get_output_details()
    d = os.path.join(ROOT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    with open(os.path.join(d, "model.tflite"), "wb") as f:
        f.write(model)
    for s in range(samples if values is None else len(values)):
        for i, det in enumerate(ins):
            if values is not None:
                x = np.asarray(values[s][i], dtype=det["dtype"]).reshape(det["shape"])
            elif det["dtype"] in (np.int8, np.uint8, np.int16) and mode != "float":  # quantized
                info = np.iinfo(det["dtype"])
                x = rng.integers(info.min, info.max + 1, size=det["shape"]).astype(det["dtype"])
            else:
                x = _draw(rng, det["dtype"], det["shape"], *ranges[i])
            interp.set_tensor(det["index"], x)
            x.astype(x.dtype.newbyteorder("<")).tofile(os.path.join(d, f"input_{s}_{i}.bin"))
        interp.invoke()
        for o, det in enumerate(outs):
            y = interp.get_tensor(det["index"])
            y.astype(y.dtype.newbyteorder("<")).tofile(os.path.join(d, f"expected_{s}_{o}.bin"))
    meta = {
        "op": op,
        "mode": mode,
        "ops": ops,
        "samples": samples if values is None else len(values),
        "inputs": [{"dtype": np.dtype(x["dtype"]).name, "shape": [int(v) for v in x["shape"]]}
                   for x in ins],
        "outputs": [{"dtype": np.dtype(x["dtype"]).name, "shape": [int(v) for v in x["shape"]]}
                    for x in outs],
    }
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(name, ops)


def spec(shape, dtype=tf.float32):
    return tf.TensorSpec(shape, dtype)


def run(builders, only=None):
    """Runs every builder (a function of no arguments), or those whose name contains `only`."""
    only = only or (sys.argv[1] if len(sys.argv) > 1 else None)
    failed = []
    for b in builders:
        if only and only not in b.__name__:
            continue
        try:
            b()
        except (SystemExit, Exception) as e:  # noqa: BLE001 - report and go on
            failed.append(b.__name__ + ': ' + str(e).splitlines()[0])
    for f in failed:
        print("FAILED", f)
