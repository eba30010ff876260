"""Turns the evaluator's prompt into exactly the text a local model receives.

A base model gets a question-and-answer frame (or teacher-style examples before it); a chat
model gets its own chat template from its GGUF file, rendered by llama-cpp-python's
Jinja2ChatFormatter, so a template renders here as it does in llama-cpp-python's chat
completions (and as in Transformers: `{% break %}`, `{% generation %}`, `tojson`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from jinja2 import TemplateError

from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.housekeeping.translation import _
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
            _(
                "This model has no chat template, so it cannot run in chat mode. "
                "Choose the question-and-answer mode in the column's settings."
            )
        )
    text = render_chat_template(chat_template, user_prompt, bos_token, eos_token)
    stops = [eos_token] if eos_token else []
    add_bos = not (bos_token and text.startswith(bos_token))
    return BuiltPrompt(text, GGUF_CHAT, stops, add_bos=add_bos)


@lru_cache(maxsize=16)
def _formatter(template: str, bos_token: str, eos_token: str) -> Any:
    # Imported here: llama_cpp loads the llama.cpp library, which a column loads anyway before
    # it builds a prompt, and which the rest of this module (and the window) does not need.
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    # Compiling a template takes milliseconds; a column renders the same one for every prompt.
    return Jinja2ChatFormatter(template, eos_token=eos_token, bos_token=bos_token)


def render_chat_template(template: str, user_prompt: str, bos_token: str, eos_token: str) -> str:
    """Render a model's own chat template (Jinja, from its GGUF metadata) the way llama.cpp's
    Python binding does for its chat completions: sandboxed, with `{% break %}`/`{% continue %}`,
    `{% generation %}` and Transformers' `tojson`, `raise_exception` and `strftime_now`."""
    try:
        formatted = _formatter(template, bos_token, eos_token)(
            messages=[{"role": "user", "content": user_prompt}]
        )
    # ValueError: what the template's own raise_exception raises.
    except (TemplateError, ValueError) as error:
        raise PromptError(
            _("The model's chat template could not be used: {detail}").format(detail=error)
        ) from error
    text: str = formatted.prompt
    return text
