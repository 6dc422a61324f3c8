/**
 * The `onnx` namespace of onnx-proto (value and types) for the generator and its tests: the core's
 * import helper, which handles onnx-proto's CommonJS interop for Node, Vitest and the browser build.
 */
export { onnx } from '../../src/core/formats/onnx-proto';
