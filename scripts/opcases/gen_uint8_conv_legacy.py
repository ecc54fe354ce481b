"""The reduced uint8 1x1 CONV_2D case: operator 4 of Google's TF1 quantized
mobilenet_v1_1.0_224_quant_embedding_extractor.tflite (input and output scale 0.023528477, filter
scale 0.015148181, zero point 104), cut out of the model with its 56x56 image, and run on TFLite's
reference kernels. TFLite forms the input*filter scale product in float32 for uint8 convolutions;
a double product gives outputs one step off on these parameters.

  python scripts/opcases/gen_uint8_conv_legacy.py MODEL.tflite device/src/test/resources/opcases
"""
import os
import sys

import flatbuffers
import numpy as np
from tensorflow.lite.python import schema_py_generated as schema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_split_argminmax import write_case  # noqa: E402


def main(src, out):
    m = schema.ModelT.InitFromObj(schema.Model.GetRootAsModel(open(src, "rb").read(), 0))
    g = m.subgraphs[0]
    op = g.operators[4]
    keep = [i for i in op.inputs if i >= 0] + list(op.outputs)
    tensors = [g.tensors[i] for i in keep]
    remap = {old: new for new, old in enumerate(keep)}
    buffers = [schema.BufferT()]
    for t in tensors:
        if t.buffer and m.buffers[t.buffer].data is not None and len(m.buffers[t.buffer].data):
            buffers.append(m.buffers[t.buffer])
            t.buffer = len(buffers) - 1
        else:
            t.buffer = 0
    for i in (0, len(tensors) - 1):  # activations: the 56x56 image
        tensors[i].shape = np.array([1, 56, 56, tensors[i].shape[3]], np.int32)
        tensors[i].shapeSignature = None
    op.inputs = np.array([remap.get(i, -1) if i >= 0 else -1 for i in op.inputs], np.int32)
    op.outputs = np.array([remap[i] for i in op.outputs], np.int32)
    m.operatorCodes = [m.operatorCodes[op.opcodeIndex]]
    op.opcodeIndex = 0
    g.tensors = tensors
    g.operators = [op]
    g.inputs = np.array([0], np.int32)
    g.outputs = np.array([len(tensors) - 1], np.int32)
    m.subgraphs = [g]
    m.buffers = buffers
    m.metadata = None
    m.signatureDefs = None
    b = flatbuffers.Builder(1 << 16)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    model = bytes(b.Output())
    write_case(out, "conv_2d_uint8_1x1_legacy_multiplier", "CONV_2D", model, [np.uint8],
               [(1, 56, 56, int(tensors[0].shape[3]))], edges=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
