"""The model of a GPU backend lives in a child process.

Frameworks rarely give all GPU memory back when a model is deleted (caching
allocators, CUDA context, fragmentation). Ending the process that held the
model frees its memory for certain, so `unload()` of a GPU backend terminates
its worker. Both GPU backends (GOT-OCR 2.0, Janus-Pro) use this one module:

- `messages`: what parent and child send each other (plain dataclasses).
- `process`: the parent side (`WorkerProcess`): spawn, micro-batching,
  cancel, progress, crash and out-of-memory reporting.
- `child`: the child's main loop around a backend's `Runner`.
- `generation`: torch-side helpers both runners share (dtype, quantisation,
  a stopping criterion that honours cancel and deadline and reports
  progress, confidence from token probabilities).

Nothing here imports torch in the parent process.
"""
