"""Backend `deepseek`: Janus-Pro-7B (transformers' native Janus classes) in a GPU worker process."""
