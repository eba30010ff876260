"""Checks on a GGUF header's numbers and tensor table that llama.cpp does not make gracefully.

llama.cpp ends the whole process (GGML_ASSERT, SIGABRT) on some impossible values, such as
0 layers, more than 512 layers, a NaN norm epsilon or a half-precision norm, and answers with an
empty text when a norm holds NaN. Everything here is refused before llama.cpp sees the file, each
with one plain sentence naming the file and what to do.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

import gguf
import numpy as np

from imitation_lens.core.housekeeping.translation import N_, _, number

# llama.cpp's LLAMA_MAX_LAYERS: a header with more layers aborts the process.
MAX_LAYERS = 512
_MAX_EMBEDDING = 1 << 18
_MAX_CONTEXT = 1 << 27
_MAX_FEED_FORWARD = 1 << 22
_MAX_HEADS = 1 << 12
# Tensors read whole to look for NaN/Inf: every 1-D one (norms), and others up to this size.
_SMALL_TENSOR = 1 << 20
_READ_BUDGET = 32 << 20
# Architectures without attention heads (state-space and RWKV models): 0 heads is right there.
_NO_ATTENTION = ("mamba", "mamba2", "rwkv6", "rwkv7", "rwkv6qwen2", "arwkv7")
# Architectures whose norms and query weights all have the embedding's width.
_PLAIN_TRANSFORMERS = ("llama", "qwen2", "qwen3", "granite", "smollm3")
_FLOAT_TYPES = {
    gguf.GGMLQuantizationType.F32: np.float32,
    gguf.GGMLQuantizationType.F16: np.float16,
}
_DAMAGED = N_("The file is damaged or was made wrongly; download it again.")


class ModelFileError(Exception):
    """A model file that cannot be used; the message is meant for the person at the screen."""


@dataclass(frozen=True)
class ArrayInfo:
    """A list in the header that was skipped, not read: only its length is kept."""

    length: int


@dataclass(frozen=True)
class TensorInfo:
    name: str
    shape: tuple[int, ...]  # GGUF order: the first dimension is the innermost
    kind: int
    offset: int
    nbytes: int


def _refuse(sentence: str) -> ModelFileError:
    """`sentence` is whole and already translated (a translator cannot join fragments)."""
    return ModelFileError(f"{sentence} {_(_DAMAGED)}")


_LAYERS = (
    N_("{name} does not say how many layers it has, so it can't be a working model."),
    N_(
        "{name} gives how many layers it has as {value} instead of a whole number, "
        "so it can't be a working model."
    ),
    N_("{name} says it has {value} layers, so it can't be a working model."),
)
_WIDTH = (
    N_("{name} does not say how wide its layers are, so it can't be a working model."),
    N_(
        "{name} gives how wide its layers are as {value} instead of a whole number, "
        "so it can't be a working model."
    ),
    N_("{name} says its layers are {value} wide, so it can't be a working model."),
)
_CONTEXT = (
    N_("{name} does not say its context length, so it can't be a working model."),
    N_(
        "{name} gives its context length as {value} instead of a whole number, "
        "so it can't be a working model."
    ),
    N_("{name} says its context length is {value}, so it can't be a working model."),
)
_NO_HEADS = N_(
    "{name} does not say how many attention heads it has, so it can't be a working model."
)
_NO_FEED_FORWARD = N_("{name} does not say its feed-forward width, so it can't be a working model.")


def _whole(value: Any) -> int | None:
    """A header number as an int; None for text, fractions, lists and yes/no values."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def check_hyperparameters(name: str, arch: str, fields: dict[str, Any]) -> None:
    def get(key: str) -> Any:
        return fields.get(f"{arch}.{key}")

    def required(key: str, missing: str, not_whole: str, says: str, low: int, high: int) -> int:
        # The three messages are whole sentences (N_ constants) so each translates as one.
        raw = get(key)
        if raw is None:
            raise _refuse(_(missing).format(name=name))
        value = _whole(raw)
        if value is None:
            raise _refuse(_(not_whole).format(name=name, value=repr(raw)))
        if value < low or value > high:
            raise _refuse(_(says).format(name=name, value=number(value)))
        return value

    required("block_count", *_LAYERS, 1, MAX_LAYERS)
    embedding = required("embedding_length", *_WIDTH, 1, _MAX_EMBEDDING)
    if get("context_length") is not None:
        required("context_length", *_CONTEXT, 1, _MAX_CONTEXT)
    if arch in _PLAIN_TRANSFORMERS:
        # Optional in llama.cpp's reader, but these architectures cannot load without them.
        for key, missing in (
            ("attention.head_count", _NO_HEADS),
            ("feed_forward_length", _NO_FEED_FORWARD),
        ):
            if get(key) is None:
                raise _refuse(_(missing).format(name=name))
    heads = _heads(name, arch, get("attention.head_count"), _ATTENTION_HEADS)
    heads_kv = _heads(name, arch, get("attention.head_count_kv"), _KV_HEADS)
    key_length = _whole(get("attention.key_length"))
    if heads and heads_kv and heads_kv > heads:
        raise _refuse(
            _(
                "{name} says it has {kv} key/value heads but only {heads} attention heads, "
                "so it can't be a working model."
            ).format(name=name, kv=heads_kv, heads=heads)
        )
    if heads and heads_kv and heads % heads_kv:
        raise _refuse(
            _(
                "{name} says {heads} attention heads share {kv} key/value heads, "
                "so it can't be a working model."
            ).format(name=name, kv=heads_kv, heads=heads)
        )
    if heads and key_length is None and embedding % heads:
        raise _refuse(
            _(
                "{name} splits a width of {width} into {heads} attention heads, "
                "so it can't be a working model."
            ).format(name=name, width=embedding, heads=heads)
        )
    head_size = key_length or (embedding // heads if heads else 0)
    rope = _whole(get("rope.dimension_count"))
    if rope is not None and head_size and not 0 <= rope <= head_size:
        raise _refuse(
            _(
                "{name} rotates {rope} dimensions of heads {size} wide, "
                "so it can't be a working model."
            ).format(name=name, rope=rope, size=head_size)
        )
    feed_forward = _whole(get("feed_forward_length"))
    if (
        feed_forward is not None
        and arch not in _NO_ATTENTION
        and not 0 < feed_forward <= _MAX_FEED_FORWARD
        and not _has_experts(fields)
    ):
        raise _refuse(
            _(
                "{name} says its feed-forward width is {value}, so it can't be a working model."
            ).format(name=name, value=number(feed_forward))
        )
    for key in ("attention.layer_norm_rms_epsilon", "attention.layer_norm_epsilon"):
        eps = get(key)
        if isinstance(eps, float) and not (math.isfinite(eps) and 0 <= eps < 1):
            raise _refuse(
                _(
                    "{name} gives an impossible normalisation constant ({value}), "
                    "so it can't be a working model."
                ).format(name=name, value=eps)
            )
    _check_vocabulary(name, fields)


_ATTENTION_HEADS = (
    N_("{name} gives its number of attention heads as {value}, so it can't be a working model."),
    N_("{name} says it has {value} attention heads, so it can't be a working model."),
    N_("{name} says it has 0 attention heads, so it can't be a working model."),
)
_KV_HEADS = (
    N_("{name} gives its number of key/value heads as {value}, so it can't be a working model."),
    N_("{name} says it has {value} key/value heads, so it can't be a working model."),
    N_("{name} says it has 0 key/value heads, so it can't be a working model."),
)


def _heads(name: str, arch: str, raw: Any, messages: tuple[str, str, str]) -> int:
    """The number of heads (the largest, for per-layer lists); 0 where the header has none."""
    if raw is None:
        return 0
    values = raw if isinstance(raw, list) else [raw]
    numbers = [_whole(v) for v in values]
    if any(n is None or n < 0 for n in numbers):
        raise _refuse(_(messages[0]).format(name=name, value=repr(raw)))
    largest = max((n for n in numbers if n is not None), default=0)
    if largest > _MAX_HEADS:
        raise _refuse(_(messages[1]).format(name=name, value=number(largest)))
    if largest == 0 and arch not in _NO_ATTENTION:
        raise _refuse(_(messages[2]).format(name=name))
    return largest if not isinstance(raw, list) else 0  # lists: no ratio checks


def _has_experts(fields: dict[str, Any]) -> bool:
    return any(key.endswith(".expert_count") and fields[key] for key in fields)


def _length(value: Any) -> int | None:
    if isinstance(value, ArrayInfo):
        return value.length
    return len(value) if isinstance(value, list) else None


def vocabulary_size(fields: dict[str, Any]) -> int | None:
    return _length(fields.get("tokenizer.ggml.tokens"))


def _check_vocabulary(name: str, fields: dict[str, Any]) -> None:
    count = vocabulary_size(fields)
    if count is None:
        return
    if count == 0:
        raise _refuse(
            _("{name} has an empty list of words (tokens), so it can't be a working model.").format(
                name=name
            )
        )
    for key in ("tokenizer.ggml.scores", "tokenizer.ggml.token_type"):
        other = _length(fields.get(key))
        if other is not None and other != count:
            # "scores" / "token_type" are the header's own names, not words to translate.
            raise _refuse(
                _(
                    "{name} lists {count} words but {other} word {field}, "
                    "so it can't be a working model."
                ).format(
                    name=name,
                    count=number(count),
                    other=number(other),
                    field=key.rsplit(".", 1)[1],
                )
            )
    for key in ("tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id"):
        token = _whole(fields.get(key))
        if token is not None and not 0 <= token < count:
            raise _refuse(
                _(
                    "{name} names word {token} as a special word but has only {count}, "
                    "so it can't be a working model."
                ).format(name=name, token=number(token), count=number(count))
            )


def check_tensors(
    name: str, arch: str, fields: dict[str, Any], tensors: list[TensorInfo], alignment: int
) -> None:
    seen: set[str] = set()
    layers: set[int] = set()
    for tensor in tensors:
        if tensor.name in seen:
            raise _refuse(
                _(
                    "{name} holds two sets of weights named {weights}, "
                    "so it can't be a working model."
                ).format(name=name, weights=tensor.name)
            )
        seen.add(tensor.name)
        if 0 in tensor.shape:
            raise _refuse(
                _(
                    "{name} has weights ({weights}) with a dimension of 0, "
                    "so it can't be a working model."
                ).format(name=name, weights=tensor.name)
            )
        if tensor.offset % alignment:
            raise _refuse(
                _(
                    "{name} places the weights {weights} where they cannot be read, "
                    "so it can't be a working model."
                ).format(name=name, weights=tensor.name)
            )
        if tensor.name.endswith("norm.weight") and tensor.kind != gguf.GGMLQuantizationType.F32:
            raise _refuse(
                _(
                    "{name} stores {weights} in a format llama.cpp cannot use for it, "
                    "so it can't be a working model."
                ).format(name=name, weights=tensor.name)
            )
        match = re.match(r"blk\.(\d+)\.", tensor.name)
        if match:
            layers.add(int(match.group(1)))
    block_count = _whole(fields.get(f"{arch}.block_count")) or 0
    if layers and block_count > max(layers) + 1:
        raise _refuse(
            _(
                "{name} says it has {layers} layers but holds weights for {held}, "
                "so it can't be a working model."
            ).format(name=name, layers=block_count, held=max(layers) + 1)
        )
    by_name = {t.name: t for t in tensors}
    embedding = _whole(fields.get(f"{arch}.embedding_length")) or 0
    words = vocabulary_size(fields)
    token_embd = by_name.get("token_embd.weight")
    if token_embd and len(token_embd.shape) == 2:
        if token_embd.shape[0] != embedding:
            raise _refuse(
                _(
                    "{name} says its layers are {width} wide but its word weights are {other}, "
                    "so it can't be a working model."
                ).format(name=name, width=embedding, other=token_embd.shape[0])
            )
        if words and token_embd.shape[1] != words:
            raise _refuse(
                _(
                    "{name} lists {count} words but has weights for {other}, "
                    "so it can't be a working model."
                ).format(name=name, count=number(words), other=number(token_embd.shape[1]))
            )
    if arch in _PLAIN_TRANSFORMERS:
        needed = ["token_embd.weight", "output_norm.weight"]
        needed += [f"blk.{i}.attn_q.weight" for i in range(block_count)]
        missing = next((n for n in needed if n not in by_name), None)
        if missing:
            raise _refuse(
                _("{name} lacks the weights {weights}, so it can't be a working model.").format(
                    name=name, weights=missing
                )
            )
        for tensor in tensors:
            plain = tensor.name == "output_norm.weight" or re.fullmatch(
                r"blk\.\d+\.(attn_norm|ffn_norm|attn_q)\.weight", tensor.name
            )
            if plain and tensor.shape[0] != embedding:
                raise _refuse(
                    _(
                        "{name} says its layers are {width} wide but {weights} is {other}, "
                        "so it can't be a working model."
                    ).format(name=name, width=embedding, weights=tensor.name, other=tensor.shape[0])
                )


def check_small_tensor_values(
    name: str, stream: BinaryIO, data_start: int, tensors: list[TensorInfo]
) -> None:
    """Look for NaN or infinity in norms and other small weights: llama.cpp runs such a model
    and answers with nothing. Only small tensors are read, never the whole file."""
    budget = _READ_BUDGET
    for tensor in sorted(tensors, key=lambda t: t.offset):
        dtype = _FLOAT_TYPES.get(tensor.kind)  # type: ignore[call-overload]
        small = len(tensor.shape) == 1 or tensor.nbytes <= _SMALL_TENSOR
        if dtype is None or not small or tensor.nbytes > budget:
            continue
        budget -= tensor.nbytes
        stream.seek(data_start + tensor.offset)
        values = np.frombuffer(stream.read(tensor.nbytes), dtype=dtype)
        if not np.isfinite(values).all():
            raise ModelFileError(
                _(
                    "{name} has broken weights ({weights} holds values that are not numbers), "
                    "so it can't give working answers."
                ).format(name=name, weights=tensor.name)
                + " "
                + _(_DAMAGED)
            )
