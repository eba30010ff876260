"""Turns the evaluator's prompt into exactly the text a local model receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.running.lineup import PromptMode

QUESTION_ANSWER = "question-answer"
TEACHER_STYLE = "teacher-style-examples"
GGUF_CHAT = "gguf-chat-template"

# A base model has no notion of turns; it continues text. This frame makes it answer, and the
# stop strings end the answer where a base model would start inventing the next question.
_QA_FRAME = "Question: {prompt}\nAnswer:"
_QA_STOPS = ("\nQuestion:", "\n\n\n")


class PromptError(Exception):
    """A prompt that cannot be built; the message is meant for the person at the screen."""


@dataclass(frozen=True)
class BuiltPrompt:
    text: str
    template: str
    stop: list[str] = field(default_factory=list)
    add_bos: bool = True  # False when the chat template already wrote the BOS token


@cache
def _teacher_style_examples() -> str:
    return resource_path("prompts", "teacher-style-examples.txt").read_text("utf-8")


def resolve_mode(mode: PromptMode, has_chat_template: bool) -> PromptMode:
    if mode == "auto":
        return "chat" if has_chat_template else "completion"
    return mode


def build_prompt(
    user_prompt: str,
    mode: PromptMode,
    chat_template: str | None = None,
    bos_token: str = "",
    eos_token: str = "",
) -> BuiltPrompt:
    resolved = resolve_mode(mode, chat_template is not None)
    if resolved == "completion":
        return BuiltPrompt(_QA_FRAME.format(prompt=user_prompt), QUESTION_ANSWER, list(_QA_STOPS))
    if resolved == "teacher-style":
        text = _teacher_style_examples() + _QA_FRAME.format(prompt=user_prompt)
        return BuiltPrompt(text, TEACHER_STYLE, list(_QA_STOPS))
    if not chat_template:
        raise PromptError(
            "This model has no chat template, so it cannot run in chat mode. "
            "Choose the question-and-answer mode in the column's settings."
        )
    text = render_chat_template(chat_template, user_prompt, bos_token, eos_token)
    stops = [eos_token] if eos_token else []
    add_bos = not (bos_token and text.startswith(bos_token))
    return BuiltPrompt(text, GGUF_CHAT, stops, add_bos=add_bos)


def _raise(message: str) -> Any:
    raise TemplateError(message)


def render_chat_template(template: str, user_prompt: str, bos_token: str, eos_token: str) -> str:
    """Render a model's own chat template (Jinja, from its GGUF metadata) in a sandbox."""
    environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    try:
        return environment.from_string(template).render(
            messages=[{"role": "user", "content": user_prompt}],
            add_generation_prompt=True,
            bos_token=bos_token,
            eos_token=eos_token,
            raise_exception=_raise,
            strftime_now=lambda fmt: datetime.now().strftime(fmt),
        )
    except TemplateError as error:
        raise PromptError(f"The model's chat template could not be used: {error}") from error
