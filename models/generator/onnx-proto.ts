/**
 * onnx-proto is CommonJS without export names Node's ESM loader can detect, so `import { onnx }` fails
 * at run time; its default export is the module object. This alias gives the rest of the generator
 * (and its tests) the `onnx` namespace as both value and types.
 */
import onnxProto from 'onnx-proto';

export import onnx = onnxProto.onnx;
