"""Times native TFLite for `edgetpu4j bench`, driven line by line over stdin/stdout.

Usage: python tflite_bench_driver.py MODEL THREADS INPUT_FILE...

Prints one line `runtime NAME VERSION` and one line `variants NAME...`, then answers commands:
  warm VARIANT SECONDS MIN_RUNS   -> `ok`
  time VARIANT N                  -> `times T1 ... TN` (nanoseconds of each invocation)
  quit
Any failure is one line `error MESSAGE` on stdout and exit code 1.
"""

import sys
import time


def load_runtime():
    try:
        import tensorflow as tf  # noqa: PLC0415

        return "tensorflow", tf.__version__, tf.lite.Interpreter, tf.lite.experimental.OpResolverType
    except ImportError:
        pass
    try:
        import ai_edge_litert  # noqa: PLC0415
        from ai_edge_litert import interpreter as litert  # noqa: PLC0415

        version = getattr(ai_edge_litert, "__version__", "unknown")
        return "ai-edge-litert", version, litert.Interpreter, litert.OpResolverType
    except ImportError:
        pass
    return None


def main(argv):
    if len(argv) < 3:
        print("error usage: MODEL THREADS INPUT_FILE...", flush=True)
        return 1
    runtime = load_runtime()
    if runtime is None:
        print("error this python has neither tensorflow nor ai-edge-litert", flush=True)
        return 1
    name, version, interpreter_class, resolvers = runtime
    model, threads, input_files = argv[0], int(argv[1]), argv[2:]
    inputs = []
    for path in input_files:
        with open(path, "rb") as f:
            inputs.append(f.read())
    variants = {
        "xnnpack": resolvers.AUTO,
        "builtin": resolvers.BUILTIN_WITHOUT_DEFAULT_DELEGATES,
    }
    interpreters = {}
    for variant, resolver in variants.items():
        it = interpreter_class(
            model_path=model, num_threads=threads, experimental_op_resolver_type=resolver
        )
        details = it.get_input_details()
        if len(details) != len(inputs):
            print("error the model has %d inputs, got %d" % (len(details), len(inputs)), flush=True)
            return 1
        it.allocate_tensors()
        for d, raw in zip(details, inputs):
            import numpy as np  # noqa: PLC0415

            value = np.frombuffer(raw, dtype=d["dtype"])
            if value.size != int(np.prod(d["shape"])):
                print("error input %s needs %d values, got %d"
                      % (d["name"], int(np.prod(d["shape"])), value.size), flush=True)
                return 1
            it.set_tensor(d["index"], value.reshape(d["shape"]))
        interpreters[variant] = it
    print("runtime %s %s" % (name, version), flush=True)
    print("variants " + " ".join(interpreters), flush=True)
    clock = time.perf_counter_ns
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            return 0
        it = interpreters[words[1]]
        invoke = it.invoke
        if words[0] == "warm":
            seconds, min_runs = float(words[2]), int(words[3])
            start = clock()
            runs = 0
            while runs < min_runs or clock() - start < seconds * 1e9:
                invoke()
                runs += 1
            print("ok", flush=True)
        elif words[0] == "time":
            times = []
            for _ in range(int(words[2])):
                t = clock()
                invoke()
                times.append(clock() - t)
            print("times " + " ".join(map(str, times)), flush=True)
        else:
            print("error unknown command " + words[0], flush=True)
            return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as e:  # one line for the Java side, whatever went wrong
        print("error %s" % str(e).splitlines()[0] if str(e) else "error %s" % type(e).__name__,
              flush=True)
        sys.exit(1)
