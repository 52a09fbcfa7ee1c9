"""Tiny, randomly initialised models in the exact on-disk layout the real ones use.

Built from the real configuration classes (Surya's EfficientViT detector and
foundation model, Docling's RT-DETRv2 layout model) so the real loading and
inference code runs offline in seconds. The weights are random: only
plumbing can be asserted on their output, never text.

- The detector's classifier is biased so that every pixel reads as text: it
  finds one box covering the whole page (a full-page line for recognition).
- The foundation model's output bias favours one character, "Ä" (UTF-16
  unit 0xC4), so every line reads "ÄÄÄ..." up to the token limit: the
  decoding path (UTF-16 units, umlauts) shows in the output. Set
  `max_tokens_per_line` small, or every line runs to Surya's 224 tokens.
"""

from __future__ import annotations

from pathlib import Path

from services.surya_docling.models import DETECTOR, FOUNDATION, LAYOUT

LAYOUT_LABELS = ("text", "title", "section_header", "table", "picture", "page_header", "page_footer", "list_item")


def build_layout(root: Path, seed: int = 0) -> Path:
    """A tiny RT-DETRv2 in Docling's folder `docling-project--docling-layout-heron`."""
    import torch
    from transformers import RTDetrImageProcessor, RTDetrV2Config, RTDetrV2ForObjectDetection
    from transformers.models.rt_detr.configuration_rt_detr_resnet import RTDetrResNetConfig

    out = LAYOUT.local_dir(root)
    torch.manual_seed(seed)
    backbone = RTDetrResNetConfig(
        embedding_size=8,
        hidden_sizes=[8, 16, 32, 64],
        depths=[1, 1, 1, 1],
        layer_type="basic",
        out_features=["stage2", "stage3", "stage4"],
    )
    config = RTDetrV2Config(
        backbone_config=backbone,
        encoder_in_channels=[16, 32, 64],
        encoder_hidden_dim=32,
        d_model=32,
        decoder_in_channels=[32, 32, 32],
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        num_queries=20,
        id2label=dict(enumerate(LAYOUT_LABELS)),
        label2id={label: i for i, label in enumerate(LAYOUT_LABELS)},
    )
    RTDetrV2ForObjectDetection(config).save_pretrained(out)
    RTDetrImageProcessor(size={"height": 320, "width": 320}).save_pretrained(out)
    return out


def build_detector(root: Path, seed: int = 0) -> Path:
    """A tiny EfficientViT text detector whose heatmaps say "text" everywhere."""
    import torch
    from surya.detection.model.config import EfficientViTConfig
    from surya.detection.model.encoderdecoder import EfficientViTForSemanticSegmentation
    from surya.detection.processor import SegformerImageProcessor

    out = DETECTOR.local_dir(root)
    torch.manual_seed(seed)
    config = EfficientViTConfig(
        num_classes=2,
        num_channels=3,
        widths=(8, 16, 32, 64, 64),
        head_dim=8,
        num_stages=4,
        depths=(1, 1, 1, 1, 1),
        strides=(1, 2, 2, 2, 2),
        hidden_sizes=(16, 32, 64, 64),
        decoder_hidden_size=32,
        decoder_layer_hidden_size=32,
    )
    model = EfficientViTForSemanticSegmentation(config)
    with torch.no_grad():
        classifier = model.decode_head.classifier
        classifier.weight.zero_()
        classifier.bias.fill_(8.0)  # sigmoid(8) ~ 1: every pixel is text
    model.save_pretrained(out)
    SegformerImageProcessor(size={"height": 256, "width": 256}, do_reduce_labels=False).save_pretrained(out)
    return out


# Token ids below 65536 are UTF-16 code units.
FAVOURED_CHAR = "Ä"
FAVOURED_TOKEN = ord(FAVOURED_CHAR)

SYSTEM_TOKENS = [
    "</S>", "<EOI>", "<IMAGE>", "<PAD>", "<NOP>", "<ROT>", "<REG1>", "<REG2>", "<REG3>", "<REG4>",
    "<BEACON>", "<NO-MATH>", "<OCR-WB>", "<OCR-WOB>", "<BLOCKS-WOB>", "<LAYOUT>", "<TABLE-STRUCTURE>",
]


def build_foundation(root: Path, seed: int = 0) -> Path:
    """A tiny Surya foundation (recognition) model with its tokenizer files."""
    import torch
    from surya.common.surya import SuryaModel
    from surya.common.surya.config import SuryaModelConfig
    from surya.common.surya.processor.tokenizer import GreedyMathUTF16Tokenizer

    out = FOUNDATION.local_dir(root)
    out.mkdir(parents=True, exist_ok=True)
    specials = {
        "system": SYSTEM_TOKENS,
        "formatting": ["<b>", "</b>", "<i>", "</i>", "<br>"],
        "math_external": ["<math>", "</math>"],
        "script": [],
        "layout": ["<Text>", "<Table>"],
        "reasoning": [],
        "table_structure": ["<Row>", "<Col>"],
        "reserved": [],
    }
    tokenizer = GreedyMathUTF16Tokenizer(math_vocab={r"\frac": 0}, special_tokens_dict=specials)
    tokenizer.save_pretrained(out)
    ids = tokenizer.SPECIAL_TOKEN_MAPPING
    torch.manual_seed(seed)
    config = SuryaModelConfig(
        vocab_size=tokenizer.vocab_size,
        bbox_size=1025,
        blank_bbox_token_id=1025,
        bos_token_id=ids["<OCR-WB>"],
        eos_token_id=ids["</S>"],
        pad_token_id=ids["<PAD>"],
        image_token_id=ids["<IMAGE>"],
        register_token_ids=[ids[f"<REG{i}>"] for i in range(1, 5)],
        eoi_token_id=ids["<EOI>"],
        beacon_token_id=ids["<BEACON>"],
        special_ocr_tokens=specials,
        max_sequence_length=512,
        vision_encoder={
            "depth": 2,
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_heads": 2,
            "out_hidden_size": 32,
            "fullatt_block_indexes": (1,),
            "window_size": 112,
            "patch_size": 14,
            "spatial_patch_size": 14,
            "spatial_merge_size": 2,
        },
        decoder={
            "hidden_size": 32,
            "intermediate_size": 64,
            "num_hidden_layers": 2,
            "num_attention_heads": 2,
            "num_key_value_heads": 1,
            "vocab_size": tokenizer.vocab_size,
            "max_position_embeddings": 1024,
        },
        image_embed_encoding_size=1024,
        bbox_embed_size=16,
        # The KV cache reads the decoder's shape from the top level, as the real config.json has it.
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
    )
    model = SuryaModel(config)
    with torch.no_grad():
        model.lm_head.bias.zero_()
        model.lm_head.bias[FAVOURED_TOKEN] = 100.0
    model.save_pretrained(out)
    return out
