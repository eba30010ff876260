"""Reads a GGUF file's header before llama.cpp sees it, so a bad file gets a reason in plain words.

llama-cpp-python refuses every kind of broken file with the same bare "Failed to load model"
message. `gguf.GGUFReader` would tell more but parses the whole vocabulary into numpy arrays
(tens of seconds for a 262k-token vocabulary), so this reads the header with the format's
constants from the `gguf` package and skips what it does not need.
"""

from __future__ import annotations

import io
import math
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import gguf

from imitation_lens.core.housekeeping.translation import N_, _, ngettext
from imitation_lens.core.housekeeping.translation import number as written_number
from imitation_lens.core.model_files.gguf_checks import (
    ArrayInfo,
    ModelFileError,
    TensorInfo,
    check_hyperparameters,
    check_small_tensor_values,
    check_tensors,
)

_SCALARS: dict[int, str] = {
    gguf.GGUFValueType.UINT8: "<B",
    gguf.GGUFValueType.INT8: "<b",
    gguf.GGUFValueType.UINT16: "<H",
    gguf.GGUFValueType.INT16: "<h",
    gguf.GGUFValueType.UINT32: "<I",
    gguf.GGUFValueType.INT32: "<i",
    gguf.GGUFValueType.FLOAT32: "<f",
    gguf.GGUFValueType.BOOL: "<?",
    gguf.GGUFValueType.UINT64: "<Q",
    gguf.GGUFValueType.INT64: "<q",
    gguf.GGUFValueType.FLOAT64: "<d",
}
# Limits far above any real model; a header beyond them is damaged, not large.
_MAX_TENSORS = 1_000_000
_MAX_KV = 100_000
_MAX_STRING = 64 * 1024 * 1024
_MAX_ARRAY = 50_000_000
_MAX_DIMS = 8
# Per-layer lists of numbers (heads per layer) are read; longer lists only counted.
_MAX_KEPT_ARRAY = 4096
__all__ = ["ModelFacts", "ModelFileError", "inspect_model_file"]


@dataclass(frozen=True)
class ModelFacts:
    path: Path
    size_bytes: int
    architecture: str
    name: str
    size_label: str
    quantization: str
    context_length: int | None
    chat_template: str | None
    license: str
    tensor_count: int
    parameter_count: int = 0
    # The shape of the attention cache, for memory estimates (0 where the header does not say).
    block_count: int = 0
    embedding_length: int = 0
    head_count: int = 0
    head_count_kv: int = 0
    key_length: int = 0
    value_length: int = 0

    @property
    def file_name(self) -> str:
        return self.path.name

    def describe(self) -> str:
        parts = [self.name or self.architecture, self.size_label, self.quantization]
        return " · ".join(p for p in parts if p)


class _Truncated(Exception):
    pass


class _Damaged(Exception):
    """Damage found while reading the header, before the file's name is at hand."""


def _read(stream: BinaryIO, count: int) -> bytes:
    data = stream.read(count)
    if len(data) != count:
        raise _Truncated
    return data


def _unpack(stream: BinaryIO, fmt: str) -> Any:
    return struct.unpack(fmt, _read(stream, struct.calcsize(fmt)))[0]


def _read_string(stream: BinaryIO) -> str:
    length = _unpack(stream, "<Q")
    if length > _MAX_STRING:
        raise _Damaged(
            N_(
                "{name}'s header is damaged (a text in it claims to be huge), so it can't be a "
                "working model. Download or copy it again."
            )
        )
    return _read(stream, length).decode("utf-8", errors="replace")


def _read_value(stream: BinaryIO, value_type: int, keep: bool) -> Any:
    if value_type in _SCALARS:
        return _unpack(stream, _SCALARS[value_type])
    if value_type == gguf.GGUFValueType.STRING:
        if keep:
            return _read_string(stream)
        stream.seek(_unpack(stream, "<Q"), io.SEEK_CUR)
        return None
    if value_type == gguf.GGUFValueType.ARRAY:
        item_type = _unpack(stream, "<I")
        count = _unpack(stream, "<Q")
        if count > _MAX_ARRAY:
            raise _Damaged(
                N_(
                    "{name}'s header is damaged (a list in it claims an impossible length), so it "
                    "can't be a working model. Download or copy it again."
                )
            )
        if keep and item_type in _SCALARS and count <= _MAX_KEPT_ARRAY:
            return [_unpack(stream, _SCALARS[item_type]) for _unused in range(count)]
        if item_type in _SCALARS:
            stream.seek(count * struct.calcsize(_SCALARS[item_type]), io.SEEK_CUR)
        else:
            for _unused in range(count):
                _read_value(stream, item_type, keep=False)
        return ArrayInfo(count) if keep else None
    raise _Damaged(
        N_(
            "{name}'s header is damaged (a setting in it is of no known kind), so it can't be a "
            "working model. Download or copy it again."
        )
    )


_WANTED = {
    "general.architecture",
    "general.name",
    "general.size_label",
    "general.file_type",
    "general.license",
    "general.alignment",
    "tokenizer.chat_template",
    "tokenizer.ggml.tokens",
    "tokenizer.ggml.scores",
    "tokenizer.ggml.token_type",
    "tokenizer.ggml.bos_token_id",
    "tokenizer.ggml.eos_token_id",
}
# Per-architecture keys ("llama.block_count", "gemma3.attention.head_count_kv", …).
_WANTED_SUFFIXES = (
    ".context_length",
    ".block_count",
    ".embedding_length",
    ".attention.head_count",
    ".attention.head_count_kv",
    ".attention.key_length",
    ".attention.value_length",
    ".feed_forward_length",
    ".rope.dimension_count",
    ".attention.layer_norm_rms_epsilon",
    ".attention.layer_norm_epsilon",
    ".expert_count",
)


def inspect_model_file(path: str | Path) -> ModelFacts:
    """Check that `path` is a complete GGUF file and return what it says about itself."""
    model_path = Path(path)
    if not model_path.exists():
        raise ModelFileError(
            _("The model file {name} is missing (looked in {folder}).").format(
                name=model_path.name, folder=model_path.parent
            )
        )
    if model_path.is_dir():
        raise ModelFileError(_("{path} is a folder, not a model file.").format(path=model_path))
    try:
        size = model_path.stat().st_size
        with model_path.open("rb") as raw:
            stream = io.BufferedReader(raw, buffer_size=1 << 20)
            return _inspect(model_path, stream, size)
    except PermissionError:
        raise ModelFileError(
            _("Imitation Lens is not allowed to read {name}. Check the file's permissions.").format(
                name=model_path.name
            )
        ) from None
    except _Damaged as damage:
        # The damage is a whole sentence (an N_ constant), translated here, once a name is known.
        raise ModelFileError(_(str(damage)).format(name=model_path.name)) from None
    except _Truncated:
        raise ModelFileError(
            _(
                "{name} ends in the middle of its header: the file is incomplete. "
                "Download or copy it again."
            ).format(name=model_path.name)
        ) from None
    except OSError as error:
        # The system's own words for the error (English or the system's language).
        raise ModelFileError(
            _("{name} could not be read: {detail}.").format(
                name=model_path.name, detail=error.strerror or error
            )
        ) from None


def _inspect(model_path: Path, stream: BinaryIO, size: int) -> ModelFacts:
    name = model_path.name
    if size == 0:
        raise ModelFileError(
            _("{name} is empty (0 bytes): the download or copy did not finish.").format(name=name)
        )
    magic = stream.read(4)
    if len(magic) < 4 or struct.unpack("<I", magic.ljust(4, b"\0"))[0] != gguf.GGUF_MAGIC:
        if magic[:4] in (b"lmgg", b"fmgg", b"tjgg"):
            raise ModelFileError(
                _(
                    "{name} is in the old GGML format, which current llama.cpp no longer loads. "
                    "Look for a GGUF version of this model."
                ).format(name=name)
            )
        raise ModelFileError(_not_gguf(name, magic + stream.read(60)))
    version = _unpack(stream, "<I")
    if version not in (2, 3):
        raise ModelFileError(
            _(
                "{name} says it is GGUF version {version}, which this app does not know: "
                "the file is damaged or comes from a much newer tool."
            ).format(name=name, version=version)
        )
    tensor_count = _unpack(stream, "<Q")
    kv_count = _unpack(stream, "<Q")
    if tensor_count > _MAX_TENSORS or kv_count > _MAX_KV:
        raise ModelFileError(
            _(
                "{name}'s header is damaged: it claims {tensors} tensors and {settings} "
                "settings, far more than any real model."
            ).format(
                name=name, tensors=written_number(tensor_count), settings=written_number(kv_count)
            )
        )
    fields: dict[str, Any] = {}
    seen: set[str] = set()
    for _unused in range(kv_count):
        key = _read_string(stream)
        if key in seen:
            raise ModelFileError(
                _(
                    "{name}'s header gives the setting {key} twice, so it can't be a working "
                    "model. The file is damaged or was made wrongly; download it again."
                ).format(name=name, key=key)
            )
        seen.add(key)
        value_type = _unpack(stream, "<I")
        wanted = key in _WANTED or key.endswith(_WANTED_SUFFIXES)
        value = _read_value(stream, value_type, keep=wanted)
        if wanted:
            fields[key] = value
    tensors = _read_tensor_infos(stream, tensor_count, name)
    data_end = max((t.offset + t.nbytes for t in tensors), default=0)
    parameter_count = sum(math.prod(t.shape) for t in tensors)
    alignment = fields.get("general.alignment") or gguf.GGUF_DEFAULT_ALIGNMENT
    if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
        raise ModelFileError(
            _("{name}'s header is damaged (an impossible data alignment).").format(name=name)
        )
    header_end = stream.tell()
    data_start = header_end + (-header_end % alignment)
    if data_start + data_end > size:
        missing = data_start + data_end - size
        raise ModelFileError(
            ngettext(
                "{name} is incomplete: {missing} byte of its weights is missing ({present} of "
                "{total} bytes present). Download or copy it again.",
                "{name} is incomplete: {missing} bytes of its weights are missing ({present} of "
                "{total} bytes present). Download or copy it again.",
                missing,
            ).format(
                name=name,
                missing=written_number(missing),
                present=written_number(size),
                total=written_number(data_start + data_end),
            )
        )
    architecture = str(fields.get("general.architecture") or "")
    if not architecture:
        raise ModelFileError(
            _("{name} does not say which model architecture it holds; it cannot be run.").format(
                name=name
            )
        )
    # An architecture llama.cpp does not know is refused by llama.cpp itself, in plain words
    # (library.check_model_file); its keys would only make the checks below speak nonsense.
    if architecture in gguf.MODEL_ARCH_NAMES.values():
        check_hyperparameters(name, architecture, fields)
        check_tensors(name, architecture, fields, tensors, alignment)
    check_small_tensor_values(name, stream, data_start, tensors)
    context = fields.get(f"{architecture}.context_length")

    def number(key: str) -> int:
        value = fields.get(f"{architecture}.{key}")
        if isinstance(value, list):  # some models give a per-layer list
            value = max((v for v in value if isinstance(v, int)), default=0)
        return int(value) if isinstance(value, int) else 0

    embedding, heads = number("embedding_length"), number("attention.head_count")
    head_size = embedding // heads if heads else 0
    return ModelFacts(
        path=model_path,
        size_bytes=size,
        architecture=architecture,
        name=str(fields.get("general.name") or ""),
        size_label=str(fields.get("general.size_label") or ""),
        quantization=_quantization_name(fields.get("general.file_type")),
        context_length=int(context) if isinstance(context, int) else None,
        chat_template=fields.get("tokenizer.chat_template") or None,
        license=str(fields.get("general.license") or ""),
        tensor_count=tensor_count,
        parameter_count=parameter_count,
        block_count=number("block_count"),
        embedding_length=embedding,
        head_count=heads,
        head_count_kv=number("attention.head_count_kv") or heads,
        key_length=number("attention.key_length") or head_size,
        value_length=number("attention.value_length") or head_size,
    )


def _not_gguf(name: str, start: bytes) -> str:
    """Why a file that does not start like GGUF was refused, and what it seems to be instead:
    a name ending in .gguf is no help to someone whose .gguf file is the problem."""
    if name.lower().endswith(".gguf"):
        refusal = _(
            "{name} is not a GGUF model file, although its name ends in .gguf: its contents do "
            "not begin the way every GGUF model does."
        )
    else:
        refusal = _(
            "{name} is not a GGUF model file. Imitation Lens runs models in the GGUF format "
            "made for llama.cpp; model pages offer them as files ending in .gguf."
        )
    text = start.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"version https://git-lfs"):
        what = _(
            "It is a small placeholder that stands in for the model in a Git repository: the "
            "model itself was never downloaded. Download the file from the model's page."
        )
    elif text.startswith(b"<"):  # HTML (or XML): what a server sends instead of a file
        what = _(
            "It is a web page saved under the model's name, often a sign-in or not-found page. "
            "Download the file again from the model's page."
        )
    elif start.startswith(b"PK\x03\x04"):
        what = _(
            "It is a ZIP archive (PyTorch models are saved this way). Look for a GGUF version of "
            "the model, or unpack the archive if a .gguf file is inside."
        )
    elif len(start) >= 10 and start[8:10] == b'{"':
        what = _(
            "It is a safetensors file, the format models are published in for training. Look "
            "for a GGUF version of the model: many model pages link to one."
        )
    elif start and all(32 <= b < 127 or b in b"\t\r\n" for b in start):
        what = _("It holds text, not a model. Download the model file again from its page.")
    else:
        what = _(
            "It may be damaged, or another kind of file renamed. Download it again from its page."
        )
    # Two whole sentences: why it was refused, then what the file seems to be.
    return f"{refusal.format(name=name)} {what}"


def _read_tensor_infos(stream: BinaryIO, count: int, name: str) -> list[TensorInfo]:
    """Walk the tensor table: each tensor's name, shape, number format and place in the data."""
    tensors: list[TensorInfo] = []
    for _unused in range(count):
        tensor_name = _read_string(stream)
        dims = _unpack(stream, "<I")
        if dims > _MAX_DIMS:
            raise ModelFileError(
                _("{name}'s tensor table is damaged (a tensor with {dims} dimensions).").format(
                    name=name, dims=dims
                )
            )
        shape = tuple(_unpack(stream, "<Q") for _unused in range(dims))
        elements = math.prod(shape)
        tensor_type = _unpack(stream, "<I")
        offset = _unpack(stream, "<Q")
        try:
            block, type_size = gguf.GGML_QUANT_SIZES[gguf.GGMLQuantizationType(tensor_type)]
        except (ValueError, KeyError):
            raise ModelFileError(
                _(
                    "{name} uses a number format (type {type}) this version of the app "
                    "does not know: the file is damaged or needs a newer llama.cpp."
                ).format(name=name, type=tensor_type)
            ) from None
        tensors.append(
            TensorInfo(tensor_name, shape, tensor_type, offset, elements * type_size // block)
        )
    return tensors


def _quantization_name(file_type: Any) -> str:
    if not isinstance(file_type, int):
        return ""
    try:
        return gguf.LlamaFileType(file_type).name.removeprefix("MOSTLY_")
    except ValueError:
        return f"type {file_type}"
