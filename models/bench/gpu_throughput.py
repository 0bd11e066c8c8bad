#!/usr/bin/env python3
"""GPU throughput of models/bench/yolov8-bench-640.onnx where no GPU build of ONNX Runtime for .NET can be installed.

Runs the ONNX graph op by op in PyTorch (only the ops generate.py uses: Conv, Sigmoid, Mul, Add, Reshape, Concat,
Split), checks the result against ONNX Runtime on CPU when onnxruntime is importable, then times batches on CUDA.
Usage: python3 models/bench/gpu_throughput.py [model.onnx]
"""
import sys
import time

import numpy as np
import onnx
import torch
from onnx import numpy_helper

path = sys.argv[1] if len(sys.argv) > 1 else "models/bench/yolov8-bench-640.onnx"
model = onnx.load(path)
g = model.graph


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def run(x, dev, half=False):
    dtype = torch.float16 if half else torch.float32
    env = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()).to(dev) for i in g.initializer}
    env = {k: (v.to(dtype) if v.is_floating_point() else v) for k, v in env.items()}
    env[g.input[0].name] = x.to(dtype)
    for n in g.node:
        a = attrs(n)
        i = [env[k] for k in n.input if k]
        if n.op_type == "Conv":
            p = a.get("pads", [0, 0, 0, 0])
            y = torch.nn.functional.conv2d(i[0], i[1], i[2] if len(i) > 2 else None, stride=a.get("strides", [1, 1]), padding=(p[0], p[1]))
        elif n.op_type == "Sigmoid":
            y = torch.sigmoid(i[0])
        elif n.op_type == "Mul":
            y = i[0] * i[1]
        elif n.op_type == "Add":
            y = i[0] + i[1]
        elif n.op_type == "Reshape":
            shape = [int(s) if s != 0 else i[0].shape[k] for k, s in enumerate(i[1].tolist())]
            y = i[0].reshape(shape)
        elif n.op_type == "Concat":
            y = torch.cat(i, dim=a["axis"])
        elif n.op_type == "Split":
            y = torch.split(i[0], i[1].tolist(), dim=a.get("axis", 0))
        else:
            raise SystemExit(f"op {n.op_type} not supported by this runner")
        if isinstance(y, (tuple, list)):
            for k, v in zip(n.output, y):
                env[k] = v
        else:
            env[n.output[0]] = y
    return env[g.output[0].name]


x = torch.rand(1, 3, 640, 640)
try:
    import onnxruntime as ort
    ref = ort.InferenceSession(path, providers=["CPUExecutionProvider"]).run(None, {"images": x.numpy()})[0]
    mine = run(x, "cpu").numpy()
    print(f"torch runner vs onnxruntime {ort.__version__} CPU: max abs diff {np.abs(ref - mine).max():.2e} on output {ref.shape}")
except ImportError:
    print("onnxruntime not importable: output not cross-checked")

dev = "cuda"
print(torch.cuda.get_device_name(0), "torch", torch.__version__, "cuda", torch.version.cuda)
torch.backends.cudnn.benchmark = True
with torch.inference_mode():
    for half in (False, True):
        for batch in (1, 4, 16, 64):
            xb = torch.rand(batch, 3, 640, 640, device=dev)
            for _ in range(10):
                run(xb, dev, half)
            torch.cuda.synchronize()
            n = max(20, 400 // batch)
            t = time.perf_counter()
            for _ in range(n):
                run(xb, dev, half)
            torch.cuda.synchronize()
            dt = (time.perf_counter() - t) / n
            print(f"{'fp16' if half else 'fp32'} batch {batch:3d}: {dt * 1000:7.2f} ms/run, {batch / dt:8.0f} frames/s")
