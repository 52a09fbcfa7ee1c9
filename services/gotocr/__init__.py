"""Backend `gotocr`: GOT-OCR 2.0 (transformers' native GotOcr2 classes) in a GPU worker process."""
