"""Teacher answers as the token windows llama.cpp trains on.

Each answer is written as the base would see it in a chat (its own chat template: the question,
then the answer, then its end-of-turn token), so the imitator learns to answer in that frame and
the app's chat mode asks it the same way. The conversations are joined into one stream and cut
into windows of `window + 1` tokens (a window and the token after each of its tokens). The loss
covers every token, the question's too: llama.cpp's training takes no mask.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from imitation_lens.core.running.prompting import build_prompt
from imitation_lens.core.training.plan import TeacherAnswer

Tokenize = Callable[[str], list[int]]


@dataclass(frozen=True)
class AnswerSplit:
    training: tuple[TeacherAnswer, ...]
    held_out: tuple[TeacherAnswer, ...]


def split_answers(answers: Sequence[TeacherAnswer], share: float, seed: int) -> AnswerSplit:
    """Keep a seeded share of the answers out of training (at least one) to measure the loss on
    answers the model never saw: that loss falling is learning, not memorising."""
    order = list(answers)
    random.Random(seed).shuffle(order)
    held = max(1, round(len(order) * share)) if len(order) > 1 else 0
    return AnswerSplit(tuple(order[held:]), tuple(order[:held]))


def conversation(render: Callable[[str], str], answer: TeacherAnswer, end_of_turn: str) -> str:
    """The chat the model is trained on: its template's question frame, then the answer."""
    return render(answer.prompt) + answer.answer.strip() + end_of_turn + "\n"


def token_stream(texts: Sequence[str], tokenize: Tokenize) -> list[int]:
    stream: list[int] = []
    for text in texts:
        stream.extend(tokenize(text))
    return stream


def windows_of(stream: Sequence[int], window: int) -> list[list[int]]:
    """Cut the stream into windows of `window + 1` tokens, every token trained on once.

    The last window ends at the stream's end and overlaps the one before rather than being
    padded; a stream shorter than one window repeats itself (a tiny held-out set).
    """
    if not stream:
        return []
    tokens = list(stream)
    while len(tokens) < window + 1:
        tokens.extend(stream)
    starts = list(range(0, len(tokens) - window, window))
    if starts[-1] + window + 1 < len(tokens):
        starts.append(len(tokens) - window - 1)
    return [tokens[start : start + window + 1] for start in starts]


def chat_frame(llm: Any) -> tuple[Callable[[str], str], str]:
    """How the app asks this model a question (core/running/prompting.py, "auto" mode: its chat
    template when it has one, else the question-and-answer frame), and its end-of-turn text."""
    template = llm.metadata.get("tokenizer.chat_template")
    bos = _token_text(llm, llm.token_bos())
    eos = _token_text(llm, llm.token_eos())

    def render(prompt: str) -> str:
        return build_prompt(prompt, "auto", template, bos, eos).text

    return render, eos


def _token_text(llm: Any, token: int) -> str:
    if token < 0:
        return ""
    return str(llm._model.token_get_text(token))


def answer_windows(llm: Any, answers: Sequence[TeacherAnswer], window: int) -> list[list[int]]:
    """The training windows of these answers, as `llm` (its vocabulary at least) tokenizes them."""
    render, end = chat_frame(llm)

    def tokenize(text: str) -> list[int]:
        return list(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    return windows_of(
        token_stream([conversation(render, a, end) for a in answers], tokenize), window
    )
