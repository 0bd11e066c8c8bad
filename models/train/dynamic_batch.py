#!/usr/bin/python3
"""Give a detector ONNX model a dynamic batch dimension, so a box batches its cameras into one run.

Exported detectors often pin the batch to 1: the graph input and outputs say 1, and reshapes carry a constant
shape whose first element is 1. This names the batch dimension 'batch' on the input and outputs and, in every
Reshape whose constant target shape starts with 1, writes 0 instead (ONNX: copy that dimension from the input),
which keeps the batch through channel shuffles and flattening. Weights and every other node are untouched, so one
image gives exactly the numbers it gave before; tests/EdgeCity.Vision.Tests checks a batch against single runs.

usage: dynamic_batch.py IN.onnx OUT.onnx
"""
import sys

import onnx
from onnx import numpy_helper


def main(src, dst):
    model = onnx.load(src)
    graph = model.graph
    initializers = {t.name: t for t in graph.initializer}
    constants = {n.output[0]: n for n in graph.node if n.op_type == "Constant"}
    real_inputs = [i for i in graph.input if i.name not in initializers]
    for value in list(real_inputs) + list(graph.output):
        dims = value.type.tensor_type.shape.dim
        if dims and dims[0].dim_value == 1:
            dims[0].ClearField("dim_value")
            dims[0].dim_param = "batch"

    changed = 0
    for node in graph.node:
        if node.op_type != "Reshape":
            continue
        name = node.input[1]
        if name in initializers:
            tensor = initializers[name]
            shape = numpy_helper.to_array(tensor).copy()
            if shape.ndim == 1 and len(shape) > 0 and shape[0] == 1:
                shape[0] = 0
                tensor.CopyFrom(numpy_helper.from_array(shape, name))
                changed += 1
        elif name in constants:
            attr = next(a for a in constants[name].attribute if a.name == "value")
            shape = numpy_helper.to_array(attr.t).copy()
            if shape.ndim == 1 and len(shape) > 0 and shape[0] == 1:
                shape[0] = 0
                attr.t.CopyFrom(numpy_helper.from_array(shape, attr.t.name))
                changed += 1

    # Shapes inferred for intermediate values at batch 1 would contradict a larger batch: drop them.
    del graph.value_info[:]
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print(f"{dst}: batch dimension dynamic, {changed} reshape(s) keep the batch")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
