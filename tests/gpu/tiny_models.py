"""Tiny, randomly initialised GOT-OCR 2.0 and Janus models built from the real config classes.

They are saved in the layout the real hub repositories have (config, weights,
tokenizer, processor), so the backends load them through exactly the code
path they use for the real weights. Their output is meaningless text: tests
assert plumbing, never words.
"""

from __future__ import annotations

from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers

# German business text, so the trained vocabulary has merges for umlauts, ß and €.
_CORPUS = [
    "Rechnung Nr. 2024-001 vom 10. März 2024, Fälligkeit 24.03.2024",
    "Müller & Söhne GmbH, Schönhauser Straße 17, 10437 Berlin",
    "Grüße aus Düsseldorf: Häuser, Größe, Äpfel, Öl, Übung",
    "Nettobetrag 1.234,56 € zzgl. 19 % MwSt. 234,57 € Bruttobetrag 1.469,13 €",
    "IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX USt-IdNr. DE123456789",
    '{"rechnungsnummer": "R-1", "datum": "2024-03-10", "betrag_brutto": "1469.13"}',
    "| Pos. | Bezeichnung | Menge | Betrag |\n|---|---|---|---|",
]

GOT_SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<img>", "</img>", "<imgpad>"]
JANUS_SPECIALS = [
    "<｜begin▁of▁sentence｜>",
    "<｜end▁of▁sentence｜>",
    "<image_placeholder>",
    "<begin_of_image>",
    "<end_of_image>",
    "<|User|>",
    "<|Assistant|>",
    "<pad>",
]
# A compact stand-in for the real Janus chat template (same markers, same shape).
JANUS_CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{% if message['role'] == 'user' %}<|User|>: {% else %}<|Assistant|>: {% endif %}"
    "{% for content in message['content'] %}"
    "{% if content['type'] == 'image' %}<image_placeholder>\n{% elif content['type'] == 'text' %}{{ content['text'] }}{% endif %}"
    "{% endfor %}\n\n"
    "{% endfor %}"
    "{% if add_generation_prompt %}<|Assistant|>:{% endif %}"
)


def _byte_level_bpe(specials: list[str], vocab_size: int = 600) -> Tokenizer:
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(_CORPUS * 20, trainer=trainer)
    return tok


def build_tiny_got(target: Path) -> Path:
    from transformers import (
        GotOcr2Config,
        GotOcr2ForConditionalGeneration,
        GotOcr2ImageProcessor,
        GotOcr2Processor,
        PreTrainedTokenizerFast,
    )

    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=_byte_level_bpe(GOT_SPECIALS),
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        padding_side="left",
    )
    # 256 px, patch 16 -> 16x16 patches -> two stride-2 convolutions -> 4x4 = 16 image tokens.
    image_size = 256
    config = GotOcr2Config(
        vision_config=dict(
            hidden_size=32, output_channels=16, num_hidden_layers=2, num_attention_heads=2, image_size=image_size,
            patch_size=16, window_size=4, global_attn_indexes=[1], mlp_dim=64,
        ),
        text_config=dict(
            model_type="qwen2", vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
            num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=4096,
            tie_word_embeddings=True, eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id,
        ),
        image_token_index=tokenizer.convert_tokens_to_ids("<imgpad>"),
        image_seq_length=16,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(0)
    model = GotOcr2ForConditionalGeneration(config).eval()
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.save_pretrained(target)
    image_processor = GotOcr2ImageProcessor(size={"height": image_size, "width": image_size})
    GotOcr2Processor(image_processor=image_processor, tokenizer=tokenizer).save_pretrained(target)
    return target


def build_tiny_janus(target: Path) -> Path:
    from transformers import (
        JanusConfig,
        JanusForConditionalGeneration,
        JanusImageProcessor,
        JanusProcessor,
        LlamaTokenizerFast,
    )

    tokenizer = LlamaTokenizerFast(
        tokenizer_object=_byte_level_bpe(JANUS_SPECIALS),
        bos_token="<｜begin▁of▁sentence｜>",
        eos_token="<｜end▁of▁sentence｜>",
        pad_token="<pad>",
        add_bos_token=True,
        padding_side="left",
        extra_special_tokens={
            "image_token": "<image_placeholder>",
            "boi_token": "<begin_of_image>",
            "eoi_token": "<end_of_image>",
        },
    )
    # The processor of transformers 4.57 always inserts 576 image tokens: 384 px / patch 16 = 24x24.
    config = JanusConfig(
        text_config=dict(
            model_type="llama", vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64,
            num_hidden_layers=2, num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=4096,
            bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
            pad_token_id=tokenizer.pad_token_id,
        ),
        vision_config=dict(
            hidden_size=32, num_hidden_layers=2, num_attention_heads=2, image_size=384, patch_size=16,
            projection_dim=32, depth=2, num_image_tokens=576, mlp_ratio=2.0,
        ),
        vq_config=dict(
            embed_dim=8, num_embeddings=32, latent_channels=32, base_channels=32, channel_multiplier=[1, 1],
            num_res_blocks=1, projection_dim=32, image_token_embed_dim=32, num_patches=24,
        ),
        image_token_id=tokenizer.convert_tokens_to_ids("<image_placeholder>"),
    )
    torch.manual_seed(0)
    model = JanusForConditionalGeneration(config).eval()
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.generation_config.bos_token_id = tokenizer.bos_token_id
    model.save_pretrained(target)
    image_processor = JanusImageProcessor(size={"height": 384, "width": 384})
    JanusProcessor(
        image_processor=image_processor, tokenizer=tokenizer, chat_template=JANUS_CHAT_TEMPLATE,
        use_default_system_prompt=True,
    ).save_pretrained(target)
    return target
