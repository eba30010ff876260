"""Writes a tiny llama-architecture GGUF that llama.cpp loads and runs, and broken variants of it.

Every variant is a real file made with the `gguf` package's GGUFWriter; what GGUFWriter will not
write (duplicated names, offsets past the end, unknown number formats) is written with a
stand-in of the same length and then patched in place, so the rest of the file stays valid.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import gguf
import numpy as np

ARCH = "llama"


@dataclass(frozen=True)
class Spec:
    """What the tiny model's header says; a variant changes some of it."""

    blocks: int = 2
    embedding: int = 64
    heads: int = 4
    heads_kv: int = 2
    feed_forward: int = 128
    context: int = 256
    vocab_rows: int = 0  # rows of token_embd/output; 0: one per token
    rope_dims: int = 16
    eps: float = 1e-5
    # Header values written with their own type, replacing the numbers above ("block_count": -1).
    raw: dict[str, tuple[Any, gguf.GGUFValueType]] = field(default_factory=dict)
    drop_keys: tuple[str, ...] = ()
    drop_tensors: tuple[str, ...] = ()
    # Tensor name -> function changing its array (NaN, Inf, wrong shape, wrong dtype).
    tensors: dict[str, Callable[[np.ndarray], np.ndarray]] = field(default_factory=dict)
    architecture: str = ARCH
    short_scores: bool = False
    bos_id: int = 1


def _tokens() -> list[str]:
    words = ["<unk>", "<s>", "</s>"] + [f"<0x{b:02X}>" for b in range(256)]
    return [*words, "▁the", "▁a", "▁is", "▁Paris", "▁capital", "▁of", "▁France", "."]


def write_model(path: Path, spec: Spec = Spec()) -> Path:
    rng = np.random.default_rng(7)
    tokens = _tokens()
    writer = gguf.GGUFWriter(str(path), spec.architecture)
    numbers: dict[str, tuple[Any, gguf.GGUFValueType]] = {
        f"{ARCH}.block_count": (spec.blocks, gguf.GGUFValueType.UINT32),
        f"{ARCH}.embedding_length": (spec.embedding, gguf.GGUFValueType.UINT32),
        f"{ARCH}.attention.head_count": (spec.heads, gguf.GGUFValueType.UINT32),
        f"{ARCH}.attention.head_count_kv": (spec.heads_kv, gguf.GGUFValueType.UINT32),
        f"{ARCH}.feed_forward_length": (spec.feed_forward, gguf.GGUFValueType.UINT32),
        f"{ARCH}.context_length": (spec.context, gguf.GGUFValueType.UINT32),
        f"{ARCH}.rope.dimension_count": (spec.rope_dims, gguf.GGUFValueType.UINT32),
        f"{ARCH}.attention.layer_norm_rms_epsilon": (spec.eps, gguf.GGUFValueType.FLOAT32),
        "tokenizer.ggml.bos_token_id": (spec.bos_id, gguf.GGUFValueType.UINT32),
        "tokenizer.ggml.eos_token_id": (2, gguf.GGUFValueType.UINT32),
        "tokenizer.ggml.unknown_token_id": (0, gguf.GGUFValueType.UINT32),
    }
    numbers |= spec.raw
    writer.add_name("tiny hostile test model")
    for key, (value, kind) in numbers.items():
        if key not in spec.drop_keys:
            writer.add_key_value(key, value, kind)
    writer.add_tokenizer_model("llama")
    writer.add_token_list(tokens)
    scores = [0.0] * len(tokens) if not spec.short_scores else [0.0] * 10
    writer.add_token_scores(scores)
    types = [gguf.TokenType.CONTROL] * 3 + [gguf.TokenType.BYTE] * 256
    writer.add_token_types(types + [gguf.TokenType.NORMAL] * (len(tokens) - len(types)))

    emb, ff, rows = spec.embedding or 64, spec.feed_forward or 128, spec.vocab_rows or len(tokens)
    kv = emb // 4 * 2  # two of four heads share keys and values
    shapes: dict[str, tuple[int, ...]] = {
        "token_embd.weight": (rows, emb),
        "output_norm.weight": (emb,),
        "output.weight": (rows, emb),
    }
    for i in range(2):
        shapes |= {
            f"blk.{i}.attn_norm.weight": (emb,),
            f"blk.{i}.attn_q.weight": (emb, emb),
            f"blk.{i}.attn_k.weight": (kv, emb),
            f"blk.{i}.attn_v.weight": (kv, emb),
            f"blk.{i}.attn_output.weight": (emb, emb),
            f"blk.{i}.ffn_norm.weight": (emb,),
            f"blk.{i}.ffn_gate.weight": (ff, emb),
            f"blk.{i}.ffn_up.weight": (ff, emb),
            f"blk.{i}.ffn_down.weight": (emb, ff),
        }
    for name, shape in shapes.items():
        if name in spec.drop_tensors:
            continue
        if len(shape) == 1:
            array = np.ones(shape, dtype=np.float32)
        else:
            array = (rng.standard_normal(shape) * 0.05).astype(np.float32)
        if name in spec.tensors:
            array = spec.tensors[name](array)
        writer.add_tensor(name, array)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def _patch(path: Path, old: bytes, new: bytes, after: int = 0) -> None:
    """Replace the first `old` (in the header) with `new` of the same length, `after` bytes on."""
    data = bytearray(path.read_bytes())
    at = data.index(old) + after
    data[at : at + len(new)] = new
    path.write_bytes(bytes(data))


def _tensor_field(path: Path, name: str, dims: int, field_: str, value: int) -> None:
    """Overwrite the type or offset of tensor `name` in the tensor table."""
    start = len(name.encode()) + 4 + 8 * dims  # after the name: n_dims, dims
    after = start if field_ == "type" else start + 4
    width = 4 if field_ == "type" else 8
    encoded = name.encode()
    _patch(
        path,
        len(encoded).to_bytes(8, "little") + encoded,
        value.to_bytes(width, "little"),
        8 + after,
    )


def _nan(a: np.ndarray) -> np.ndarray:
    a = a.copy()
    a.flat[3] = math.nan
    return a


def _inf(a: np.ndarray) -> np.ndarray:
    a = a.copy()
    a.flat[0] = math.inf
    return a


U32, I32, F32, STR = (
    gguf.GGUFValueType.UINT32,
    gguf.GGUFValueType.INT32,
    gguf.GGUFValueType.FLOAT32,
    gguf.GGUFValueType.STRING,
)
K = f"{ARCH}."

# name -> Spec: variants made purely by what GGUFWriter writes.
SPECS: dict[str, Spec] = {
    "block_count_0": Spec(blocks=0),
    "block_count_huge": Spec(blocks=100_000),
    "block_count_negative": Spec(raw={K + "block_count": (-1, I32)}),
    "block_count_float": Spec(raw={K + "block_count": (2.0, F32)}),
    "block_count_text": Spec(raw={K + "block_count": ("two", STR)}),
    "block_count_missing": Spec(drop_keys=(K + "block_count",)),
    "embedding_0": Spec(embedding=0),
    "embedding_huge": Spec(raw={K + "embedding_length": (1 << 31, U32)}),
    "embedding_missing": Spec(drop_keys=(K + "embedding_length",)),
    "head_count_0": Spec(heads=0),
    "head_count_missing": Spec(drop_keys=(K + "attention.head_count",)),
    "feed_forward_missing": Spec(drop_keys=(K + "feed_forward_length",)),
    "head_count_kv_0": Spec(heads_kv=0),
    "head_count_not_dividing": Spec(heads=3, heads_kv=3),
    "head_count_kv_over_heads": Spec(heads_kv=8),
    "head_count_kv_not_dividing": Spec(heads_kv=3),
    "head_count_negative": Spec(raw={K + "attention.head_count": (-4, I32)}),
    "context_0": Spec(context=0),
    "context_huge": Spec(raw={K + "context_length": (1 << 40, gguf.GGUFValueType.UINT64)}),
    "feed_forward_0": Spec(feed_forward=0),
    "rope_dims_over_head": Spec(rope_dims=1000),
    "eps_nan": Spec(eps=math.nan),
    "vocab_rows_short": Spec(vocab_rows=100),
    "scores_short": Spec(short_scores=True),
    "bos_out_of_range": Spec(bos_id=999_999),
    "unknown_architecture": Spec(architecture="nonsense-arch"),
    "missing_output_norm": Spec(drop_tensors=("output_norm.weight",)),
    "nan_output_norm": Spec(tensors={"output_norm.weight": _nan}),
    "inf_attn_norm": Spec(tensors={"blk.0.attn_norm.weight": _inf}),
    "nan_ffn_norm": Spec(tensors={"blk.1.ffn_norm.weight": _nan}),
    "nan_token_embd": Spec(tensors={"token_embd.weight": _nan}),
    # Weights too large for the header check to read (it never reads the whole file): the
    # answer, empty, is flagged instead (FLAGGED).
    "nan_in_large_weights": Spec(feed_forward=8192, tensors={"blk.1.ffn_down.weight": _nan}),
    "wrong_shape_attn_q": Spec(tensors={"blk.0.attn_q.weight": lambda a: a[:, :32].copy()}),
    "eps_negative": Spec(eps=-1.0),
    "head_count_kv_per_layer_zero": Spec(
        raw={K + "attention.head_count_kv": ([0, 0], gguf.GGUFValueType.ARRAY)}
    ),
    "alignment_3": Spec(raw={"general.alignment": (3, U32)}),
    "norm_as_float16": Spec(tensors={"output_norm.weight": lambda a: a.astype(np.float16)}),
}


def _duplicate_name(path: Path) -> None:
    write_model(path)
    # Same length as the real name, so only the name changes.
    _patch(path, b"blk.1.ffn_norm.weight", b"blk.0.ffn_norm.weight")


def _offset_past_end(path: Path) -> None:
    write_model(path)
    _tensor_field(path, "output_norm.weight", 1, "offset", 1 << 40)


def _unknown_type(path: Path) -> None:
    write_model(path)
    _tensor_field(path, "blk.0.attn_norm.weight", 1, "type", 99)


def _zero_dimension(path: Path) -> None:
    write_model(path)
    encoded = b"output_norm.weight"
    _patch(path, len(encoded).to_bytes(8, "little") + encoded, (0).to_bytes(8, "little"), 30)


def _unaligned_offset(path: Path) -> None:
    write_model(path)
    _tensor_field(path, "output_norm.weight", 1, "offset", 4)


def _nine_dimensions(path: Path) -> None:
    write_model(path)
    encoded = b"output_norm.weight"
    _patch(path, len(encoded).to_bytes(8, "little") + encoded, (9).to_bytes(4, "little"), 26)


def _duplicated_key(path: Path) -> None:
    write_model(path, Spec(raw={K + "context_lengtX": (512, U32)}))
    _patch(path, b"context_lengtX", b"context_length")


def _unknown_value_type(path: Path) -> None:
    write_model(path)
    key = b"general.name"
    _patch(path, len(key).to_bytes(8, "little") + key, (99).to_bytes(4, "little"), 8 + len(key))


def _header_field(at: int, value: int, width: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write_model(path)
        data = bytearray(path.read_bytes())
        data[at : at + width] = value.to_bytes(width, "little")
        path.write_bytes(bytes(data))

    return make


def _truncate(fraction: float) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write_model(path)
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])

    return make


def _one_byte_short(path: Path) -> None:
    write_model(path)
    path.write_bytes(path.read_bytes()[:-1])


# Variants that pass every check and end in a flagged answer (failed: no text), not a refusal.
FLAGGED = frozenset({"nan_in_large_weights"})

PATCHED: dict[str, Callable[[Path], None]] = {
    "duplicated_tensor_name": _duplicate_name,
    "tensor_offset_past_end": _offset_past_end,
    "unknown_tensor_type": _unknown_type,
    "truncated_in_header": _truncate(0.01),
    "truncated_half": _truncate(0.5),
    "one_byte_short": _one_byte_short,
    "tensor_zero_dimension": _zero_dimension,
    "tensor_offset_unaligned": _unaligned_offset,
    "tensor_nine_dimensions": _nine_dimensions,
    "duplicated_key": _duplicated_key,
    "unknown_value_type": _unknown_value_type,
    "gguf_version_1": _header_field(4, 1, 4),
    "tensor_count_huge": _header_field(8, 1 << 40, 8),
    "key_count_huge": _header_field(16, 1 << 40, 8),
}


def variant_names() -> list[str]:
    return [*SPECS, *PATCHED]


def write_variant(name: str, folder: Path) -> Path:
    path = folder / f"{name}.gguf"
    if name in SPECS:
        return write_model(path, SPECS[name])
    PATCHED[name](path)
    return path


def good_spec() -> Spec:
    return replace(Spec())


def probe(path: Path) -> dict[str, str]:
    """What the app does with `path`: the library check, then a Run through the local runner.
    Run it in a child process (see __main__), so a crash inside llama.cpp ends only the child."""
    import threading

    from imitation_lens.core.model_files.gguf_header import ModelFileError
    from imitation_lens.core.model_files.library import check_model_file
    from imitation_lens.core.running.events import FinishedEvent, GenerationRequest
    from imitation_lens.core.running.lineup import LocalModel, SamplingParams
    from imitation_lens.core.running.local_runner import LocalRunner

    try:
        check_model_file(path)
        library = "accepted"
    except ModelFileError as error:
        library = str(error)
    params = SamplingParams(max_tokens=8, context_length=128, temperature=0.0)
    runner = LocalRunner(
        LocalModel(path=str(path), prompt_mode="completion"), params, 1, path.parent
    )
    finished: list[FinishedEvent] = []

    def emit(event: Any) -> None:
        if isinstance(event, FinishedEvent):
            finished.append(event)

    request = GenerationRequest(response_id="probe", prompt="The capital of France is")
    runner.generate(request, emit, threading.Event())
    runner.close()
    end = finished[-1]
    return {"library": library, "status": str(end.status), "error": end.error, "text": end.text}


if __name__ == "__main__":
    import json
    import sys

    print("RESULT " + json.dumps(probe(Path(sys.argv[1]))), flush=True)
