"""The made model's file, finished: the base's metadata it lost, and where it came from.

llama.cpp's `llama_model_save_to_file` writes the weights and the tokenizer but not everything
the base's header had (its chat template, for one: without it the app could not ask the
imitator the way it asks its base). The finished file gets back every key the base had and the
saved file lacks, a name of its own, and the run's provenance under "imitation_lens.*", so the
file says what it is wherever it is copied.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

PROVENANCE_PREFIX = "imitation_lens."
_NAME_KEY = "general.name"


def finish_model_file(
    saved: Path, base: Path, target: Path, name: str, provenance: Mapping[str, Any]
) -> None:
    """Write `target`: `saved`'s tensors and metadata, plus the keys only `base` has, plus
    `name` and the provenance. Raises OSError when the disk is full."""
    import gguf  # loaded here, in the training process only

    reader = gguf.GGUFReader(saved)
    base_reader = gguf.GGUFReader(base)
    architecture = str(reader.fields["general.architecture"].contents())
    writer = gguf.GGUFWriter(target, architecture, endianess=reader.endianess)
    try:
        # Training set the model's context length to the training window; the base's is the
        # model's real one.
        context_key = f"{architecture}.context_length"
        written = set()
        if context_key in base_reader.fields:
            field = base_reader.fields[context_key]
            writer.add_key_value(context_key, field.contents(), field.types[0])
            written.add(context_key)
        for source in (reader, base_reader):
            for field in source.fields.values():
                key = field.name
                if key in written or key == "general.architecture" or key.startswith("GGUF."):
                    continue
                if key == _NAME_KEY or key.startswith(PROVENANCE_PREFIX):
                    continue
                value_type = field.types[0]
                sub_type = field.types[-1] if value_type == gguf.GGUFValueType.ARRAY else None
                value = field.contents()
                if value_type == gguf.GGUFValueType.ARRAY and not value:
                    continue  # the writer refuses empty arrays; an empty list says nothing
                writer.add_key_value(key, value, value_type, sub_type=sub_type)
                written.add(key)
        writer.add_name(name)
        for key, value in provenance.items():
            _add_fact(writer, PROVENANCE_PREFIX + key, value)
        for tensor in reader.tensors:
            writer.add_tensor_info(
                tensor.name,
                tensor.data.shape,
                tensor.data.dtype,
                tensor.data.nbytes,
                tensor.tensor_type,
            )
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_ti_data_to_file()
        for tensor in reader.tensors:
            writer.write_tensor_data(tensor.data, tensor_endianess=reader.endianess)
    finally:
        writer.close()


def _add_fact(writer: Any, key: str, value: Any) -> None:
    if isinstance(value, bool):
        writer.add_bool(key, value)
    elif isinstance(value, int):
        writer.add_int64(key, value)
    elif isinstance(value, float):
        writer.add_float64(key, value)
    elif value is not None:
        writer.add_string(key, str(value))


def provenance_in_file(path: Path) -> dict[str, Any]:
    """The provenance a finished file carries (empty for any other GGUF file)."""
    import gguf

    try:
        reader = gguf.GGUFReader(path)
    except (ValueError, OSError, KeyError, IndexError, TypeError):
        return {}  # the library's own checks say what is wrong with such a file
    return {
        field.name.removeprefix(PROVENANCE_PREFIX): field.contents()
        for field in reader.fields.values()
        if field.name.startswith(PROVENANCE_PREFIX)
    }
