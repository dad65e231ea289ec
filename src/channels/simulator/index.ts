// The simulator channel's public face: the adapter (with its router). Everything else in this folder is internal.
export { createSimulatorAdapter, type SimulatorAdapter, type SimulatorOptions } from "./adapter.js";
