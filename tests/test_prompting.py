from __future__ import annotations

import pytest

from imitation_lens.core.running.prompting import (
    GGUF_CHAT,
    QUESTION_ANSWER,
    TEACHER_STYLE,
    PromptError,
    build_prompt,
)

TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}{{ eos_token }}"
    "{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}"
)


def test_base_model_gets_a_question_answer_frame() -> None:
    built = build_prompt("Capital of Australia?", "auto", chat_template=None)
    assert built.template == QUESTION_ANSWER
    assert built.text == "Question: Capital of Australia?\nAnswer:"
    assert "\nQuestion:" in built.stop


def test_teacher_style_puts_examples_before_the_question() -> None:
    built = build_prompt("Why is the sky blue?", "teacher-style")
    assert built.template == TEACHER_STYLE
    assert built.text.endswith("Question: Why is the sky blue?\nAnswer:")
    assert built.text.count("Question:") == 3


def test_instruct_model_uses_its_own_chat_template() -> None:
    built = build_prompt("Hi", "auto", TEMPLATE, bos_token="<s>", eos_token="</s>")
    assert built.template == GGUF_CHAT
    assert built.text == "<s><|user|>Hi</s><|assistant|>"
    assert built.add_bos is False  # the template wrote it already
    assert built.stop == ["</s>"]


def test_chat_mode_without_template_is_explained() -> None:
    with pytest.raises(PromptError, match="no chat template"):
        build_prompt("Hi", "chat", None)


def test_broken_template_is_explained() -> None:
    with pytest.raises(PromptError, match="chat template could not be used"):
        build_prompt("Hi", "chat", "{{ raise_exception('nope') }}")
