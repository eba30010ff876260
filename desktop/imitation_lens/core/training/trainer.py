"""One training run, inside the training process (worker.py): llama.cpp's own optimizer.

The steps, each found necessary on llama-cpp-python 0.3.36:
- the base is converted to full precision (F32) first: llama.cpp trains F32 weights only;
- it is loaded without mmap (mapped weights are read-only and the optimizer's first step
  crashes), with an F32 attention cache and flash attention off (neither has a backward pass
  otherwise), and a context equal to the batch and micro-batch (the training window);
- the optimizer reads its learning rate from memory this module owns before every step, which
  is how the rate warms up and then falls (a constant 1e-3 made the loss climb in a spike);
- after every epoch the loss on held-out answers is measured, and once before the first;
- the trained weights are saved, quantized to Q8_0 and the file finished (gguf_finish.py).
"""

from __future__ import annotations

import ctypes
import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.training.llama_opt import (
    OPTIMIZER_ADAMW,
    AdamW,
    EpochCallback,
    OptimizerParams,
    OptParams,
    Sgd,
    bindings,
)
from imitation_lens.core.training.plan import TrainingError, TrainingPlan
from imitation_lens.core.training.token_windows import answer_windows, split_answers

Send = Callable[[dict[str, Any]], None]
GGML_TYPE_F32 = 0
WARM_UP_SHARE = 0.1
FINAL_RATE_SHARE = 0.1


def learning_rate(peak: float, step: int, steps: int) -> float:
    """Linear warm-up over the first tenth of the steps, then a cosine fall to a tenth of the
    peak: the usual schedule for short fine-tunes."""
    warm = max(1, round(steps * WARM_UP_SHARE))
    if step < warm:
        return peak * (FINAL_RATE_SHARE + (1 - FINAL_RATE_SHARE) * (step + 1) / warm)
    progress = (step - warm) / max(1, steps - warm)
    low = peak * FINAL_RATE_SHARE
    return low + (peak - low) * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


def quantize(source: Path, target: Path, ftype: int, threads: int) -> None:
    from llama_cpp import llama_cpp as low_level

    params = low_level.llama_model_quantize_default_params()
    params.ftype = ftype
    params.allow_requantize = True
    params.nthread = threads
    status = low_level.llama_model_quantize(
        str(source).encode(), str(target).encode(), ctypes.byref(params)
    )
    if status != 0 or not target.exists():
        target.unlink(missing_ok=True)
        raise OSError(
            _("llama.cpp could not write {name} (status {status})").format(
                name=target.name, status=status
            )
        )


class Trainer:
    def __init__(self, plan: TrainingPlan, work_dir: Path, send: Send) -> None:
        self.plan = plan
        self.settings = plan.settings
        self.work_dir = work_dir
        self.send = send
        self.threads = max(1, os.cpu_count() or 1)
        self.ops = bindings()
        self.rate = OptimizerParams(
            AdamW(self.settings.learning_rate, 0.9, 0.999, 1e-8, 0.0), Sgd(0.0, 0.0)
        )
        self.step = 0
        self.steps = 0
        self.epoch = 0
        self.started = time.monotonic()
        self.train_losses: list[float] = []
        self.held_out_losses: list[float] = []
        self.kept_epoch = 0
        self._failure: BaseException | None = None

    # -- the run -------------------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        import llama_cpp
        from llama_cpp import llama_cpp as low_level

        self._progress("preparing", _("Preparing the base model: a full-precision copy to train"))
        full = self.work_dir / "base-f32.gguf"
        quantize(Path(self.plan.base_path), full, low_level.LLAMA_FTYPE_ALL_F32, self.threads)
        window = self.settings.window
        llm = llama_cpp.Llama(
            model_path=str(full),
            n_ctx=window,
            n_batch=window,
            n_ubatch=window,
            use_mmap=False,
            flash_attn=False,
            type_k=GGML_TYPE_F32,
            type_v=GGML_TYPE_F32,
            n_threads=self.threads,
            n_threads_batch=self.threads,
            seed=self.settings.seed,
            verbose=False,  # alone in its process: nothing else to race on its output
        )
        full.unlink()  # loaded without mmap: the copy is no longer needed, and it is large
        split = split_answers(
            self.plan.answers.answers, self.settings.held_out_share, self.settings.seed
        )

        def windows(answers: tuple[Any, ...]) -> list[list[int]]:
            return answer_windows(llm, answers, window)

        held_windows = windows(split.held_out)
        per_epoch = len(windows(split.training))
        self.steps = per_epoch * self.settings.epochs
        # llama.cpp trains over the model's training context, which llama_opt_init sets to this:
        # it must be the window (gguf_finish.py gives the finished file the base's back).
        params = OptParams(
            window,
            self.ops.param_filter_all,
            None,
            self.ops.constant_optimizer_params,
            ctypes.cast(ctypes.pointer(self.rate), ctypes.c_void_p),
            OPTIMIZER_ADAMW,
        )
        self.ops.llama.llama_opt_init(llm._ctx.ctx, llm._model.model, params)
        if held_windows:
            self.held_out_losses.append(self._held_out_loss(llm, held_windows, window))
        saved = self.work_dir / "trained-f32.gguf"
        for epoch in range(self.settings.epochs):
            self.epoch = epoch + 1
            order = list(split.training)
            _shuffle(order, self.settings.seed + epoch)
            self._train_epoch(llm, windows(tuple(order)), window)
            if held_windows:
                self.held_out_losses.append(self._held_out_loss(llm, held_windows, window))
            if self._best_so_far():
                # Early stopping: a later epoch that only learns the training answers by heart
                # (its held-out loss rises) does not replace this one.
                self._progress(
                    "training",
                    _("Keeping epoch {epoch}: the lowest held-out loss so far").format(
                        epoch=self.epoch
                    ),
                )
                self._save(llm, saved)
                self.kept_epoch = self.epoch
        self._progress("saving", _("Saving the imitator"))
        llm.close()
        compact = self.work_dir / "trained-q8_0.gguf"
        quantize(saved, compact, low_level.LLAMA_FTYPE_MOSTLY_Q8_0, self.threads)
        saved.unlink()
        return {
            "compact": str(compact),
            "answers": len(split.training),
            "held_out": len(split.held_out),
            "steps": self.steps,
            "kept_epoch": self.kept_epoch,
            "train_loss_first": self.train_losses[0] if self.train_losses else None,
            "train_loss_last": self.train_losses[self.kept_epoch - 1]
            if self.train_losses
            else None,
            "held_out_loss_before": self.held_out_losses[0] if self.held_out_losses else None,
            "held_out_loss_after": self.held_out_losses[self.kept_epoch]
            if self.held_out_losses
            else None,
            "seconds": round(time.monotonic() - self.started, 1),
        }

    def _best_so_far(self) -> bool:
        """Whether the epoch just ended has the lowest held-out loss of the trained epochs (with
        no held-out answers, every epoch is kept: the last one wins)."""
        trained = self.held_out_losses[1:]
        return not trained or trained[-1] <= min(trained)

    @staticmethod
    def _save(llm: Any, path: Path) -> None:
        from llama_cpp import llama_cpp as low_level

        path.unlink(missing_ok=True)
        low_level.llama_model_save_to_file(llm._model.model, str(path).encode())
        if not path.exists():
            raise OSError(_("llama.cpp could not save the trained model"))

    def _train_epoch(self, llm: Any, windows: list[list[int]], window: int) -> None:
        dataset = self.ops.token_dataset(windows, window)
        result = self.ops.ggml.ggml_opt_result_init()
        epoch_start = self.step

        @EpochCallback  # type: ignore[untyped-decorator]
        def after_step(
            train: bool, _opt: Any, _data: Any, step_result: Any, done: int, _all: int, _t: int
        ) -> None:
            try:
                self.step = epoch_start + int(done)
                self.rate.adamw.alpha = learning_rate(
                    self.settings.learning_rate, self.step, self.steps
                )
                loss = self.ops.loss(step_result)
                if done == _all:
                    self.train_losses.append(loss)
                self._progress("training", self._training_words(), train_loss=loss)
            except BaseException as error:
                self._failure = error

        self.rate.adamw.alpha = learning_rate(self.settings.learning_rate, self.step, self.steps)
        try:
            self.ops.llama.llama_opt_epoch(
                llm._ctx.ctx, dataset, result, None, len(windows), after_step, None
            )
        finally:
            self.ops.ggml.ggml_opt_result_free(result)
            self.ops.ggml.ggml_opt_dataset_free(dataset)
        self._raise_failure()

    def _held_out_loss(self, llm: Any, windows: list[list[int]], window: int) -> float:
        dataset = self.ops.token_dataset(windows, window)
        result = self.ops.ggml.ggml_opt_result_init()
        try:
            self.ops.llama.llama_opt_epoch(llm._ctx.ctx, dataset, None, result, 0, None, None)
            loss = self.ops.loss(result)
        finally:
            self.ops.ggml.ggml_opt_result_free(result)
            self.ops.ggml.ggml_opt_dataset_free(dataset)
        self._progress("training", self._training_words(), held_out_loss=loss)
        return loss

    # -- reporting -----------------------------------------------------------------------------

    def _training_words(self) -> str:
        return _("Training: epoch {epoch} of {epochs}, step {step} of {steps}").format(
            epoch=max(1, self.epoch), epochs=self.settings.epochs, step=self.step, steps=self.steps
        )

    def _progress(self, phase: str, message: str, **losses: float) -> None:
        elapsed = time.monotonic() - self.started
        left = None
        if phase == "training" and self.step:
            left = elapsed / self.step * (self.steps - self.step)
        self.send(
            {
                "phase": phase,
                "epoch": self.epoch,
                "epochs": self.settings.epochs,
                "step": self.step,
                "steps": self.steps,
                "train_loss": losses.get("train_loss"),
                "held_out_loss": losses.get(
                    "held_out_loss", self.held_out_losses[-1] if self.held_out_losses else None
                ),
                "seconds_left": left,
                "message": message,
            }
        )

    def _raise_failure(self) -> None:
        if self._failure is not None:
            raise self._failure


def _shuffle(items: list[Any], seed: int) -> None:
    import random

    random.Random(seed).shuffle(items)


def training_failure(error: BaseException) -> TrainingError:
    """A failure inside the run, in plain words."""
    if isinstance(error, TrainingError):
        return error
    if isinstance(error, OSError):
        return TrainingError(
            _(
                "The imitator could not be written: the disk may be full. Nothing was kept; free "
                "some space and try again. ({detail})"
            ).format(detail=error.strerror or error)
        )
    return TrainingError(
        _("The training stopped with an error: {detail}. Nothing was kept.").format(detail=error)
    )
