"""Generated OcrService stubs (scripts/gen_protos.py)."""
