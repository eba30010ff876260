"""llama.cpp's training calls, as ctypes needs them.

llama-cpp-python binds `llama_opt_init` and `llama_opt_epoch`, but its `llama_opt_params` lacks
the last field (the optimizer type) that llama.cpp 0.3.36's header has, and ggml's dataset and
result calls are not bound at all: they live in libggml-base, beside libllama. Declared here
once, with the struct as the header has it; the call passes it by value, so a missing field
would hand llama.cpp garbage for the optimizer.
"""

from __future__ import annotations

import ctypes
from functools import cache
from pathlib import Path
from typing import Any

GGML_TYPE_I32 = 26  # ggml.h: the type of token ids in a dataset
OPTIMIZER_ADAMW = 0

_void = ctypes.c_void_p
_double_p = ctypes.POINTER(ctypes.c_double)

# void (*ggml_opt_epoch_callback)(bool train, ggml_opt_context_t, ggml_opt_dataset_t,
#     ggml_opt_result_t, int64_t ibatch, int64_t ibatch_max, int64_t t_start_us)
EpochCallback = ctypes.CFUNCTYPE(
    None, ctypes.c_bool, _void, _void, _void, ctypes.c_int64, ctypes.c_int64, ctypes.c_int64
)


class AdamW(ctypes.Structure):
    _fields_ = [
        ("alpha", ctypes.c_float),  # the learning rate
        ("beta1", ctypes.c_float),
        ("beta2", ctypes.c_float),
        ("eps", ctypes.c_float),
        ("wd", ctypes.c_float),
    ]


class Sgd(ctypes.Structure):
    _fields_ = [("alpha", ctypes.c_float), ("wd", ctypes.c_float)]


class OptimizerParams(ctypes.Structure):
    """ggml_opt_optimizer_params: read by llama.cpp before every optimizer step, from memory we
    own (ggml_opt_get_constant_optimizer_params returns what its user data points at), so
    changing `adamw.alpha` between steps is the learning-rate schedule."""

    _fields_ = [("adamw", AdamW), ("sgd", Sgd)]


class OptParams(ctypes.Structure):
    """llama_opt_params as llama.h 0.3.36 has it (six fields)."""

    _fields_ = [
        ("n_ctx_train", ctypes.c_uint32),
        ("param_filter", _void),
        ("param_filter_ud", _void),
        ("get_opt_pars", _void),
        ("get_opt_pars_ud", _void),
        ("optimizer_type", ctypes.c_int),
    ]


class Bindings:
    """The loaded libraries with every call this package makes declared."""

    def __init__(self, llama: Any, ggml_base: Any) -> None:
        self.llama = llama
        self.ggml = ggml_base
        _declare(llama, "llama_opt_init", [_void, _void, OptParams], None)
        _declare(
            llama,
            "llama_opt_epoch",
            [_void, _void, _void, _void, ctypes.c_int64, _void, _void],
            None,
        )
        _declare(
            ggml_base,
            "ggml_opt_dataset_init",
            [ctypes.c_int, ctypes.c_int] + [ctypes.c_int64] * 4,
            _void,
        )
        _declare(ggml_base, "ggml_opt_dataset_free", [_void], None)
        _declare(ggml_base, "ggml_opt_dataset_data", [_void], _void)
        _declare(ggml_base, "ggml_opt_dataset_labels", [_void], _void)
        _declare(ggml_base, "ggml_get_data", [_void], _void)
        _declare(ggml_base, "ggml_opt_result_init", [], _void)
        _declare(ggml_base, "ggml_opt_result_free", [_void], None)
        _declare(ggml_base, "ggml_opt_result_loss", [_void, _double_p, _double_p], None)
        self.param_filter_all = ctypes.cast(llama.llama_opt_param_filter_all, _void)
        self.constant_optimizer_params = ctypes.cast(
            ggml_base.ggml_opt_get_constant_optimizer_params, _void
        )

    def token_dataset(self, windows: list[list[int]], window: int) -> Any:
        """A dataset of token windows and their next tokens (labels), from `window + 1` tokens
        each; free it with ggml_opt_dataset_free."""
        dataset = self.ggml.ggml_opt_dataset_init(
            GGML_TYPE_I32, GGML_TYPE_I32, window, window, len(windows), 1
        )
        data = self._int32s(self.ggml.ggml_opt_dataset_data(dataset), window * len(windows))
        labels = self._int32s(self.ggml.ggml_opt_dataset_labels(dataset), window * len(windows))
        for index, tokens in enumerate(windows):
            start = index * window
            data[start : start + window] = tokens[:window]
            labels[start : start + window] = tokens[1 : window + 1]
        return dataset

    def _int32s(self, tensor: Any, count: int) -> Any:
        address = self.ggml.ggml_get_data(tensor)
        return (ctypes.c_int32 * count).from_address(address)

    def loss(self, result: Any) -> float:
        value, uncertainty = ctypes.c_double(), ctypes.c_double()
        self.ggml.ggml_opt_result_loss(result, ctypes.byref(value), ctypes.byref(uncertainty))
        return float(value.value)


def _declare(library: Any, name: str, argtypes: list[Any], restype: Any) -> None:
    function = getattr(library, name)
    function.argtypes = argtypes
    function.restype = restype


@cache
def bindings() -> Bindings:
    import llama_cpp
    from llama_cpp import llama_cpp as low_level

    lib_dir = Path(llama_cpp.__file__).parent / "lib"
    candidates = sorted(lib_dir.glob("libggml-base.*")) + sorted(lib_dir.glob("ggml-base.*"))
    if not candidates:
        raise OSError(f"llama.cpp's ggml-base library is not in {lib_dir}")
    return Bindings(low_level._lib, ctypes.CDLL(str(candidates[0])))
