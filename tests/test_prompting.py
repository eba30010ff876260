from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import gguf
import pytest
from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from llama_cpp import llama_chat_format

from gguf_variants import Spec, write_model
from imitation_lens.core.model_files.gguf_header import inspect_model_file
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Status,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams
from imitation_lens.core.running.local_runner import LocalRunner
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


# -- chat templates through llama-cpp-python's formatter ------------------------------------------

# Gemma 3 instruct's template (gemma-3-270m-it, the bundled base model's instruct sibling).
GEMMA3_IT = """{{ bos_token }}
{%- if messages[0]['role'] == 'system' -%}
    {%- if messages[0]['content'] is string -%}
        {%- set first_user_prefix = messages[0]['content'] + '\\n\\n' -%}
    {%- else -%}
        {%- set first_user_prefix = messages[0]['content'][0]['text'] + '\\n\\n' -%}
    {%- endif -%}
    {%- set loop_messages = messages[1:] -%}
{%- else -%}
    {%- set first_user_prefix = "" -%}
    {%- set loop_messages = messages -%}
{%- endif -%}
{%- for message in loop_messages -%}
    {%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) -%}
        {{ raise_exception("Conversation roles must alternate user/assistant/user/assistant/...") }}
    {%- endif -%}
    {%- if (message['role'] == 'assistant') -%}
        {%- set role = "model" -%}
    {%- else -%}
        {%- set role = message['role'] -%}
    {%- endif -%}
    {{ '<start_of_turn>' + role + '\\n' + (first_user_prefix if loop.first else "") }}
    {%- if message['content'] is string -%}
        {{ message['content'] | trim }}
    {%- elif message['content'] is iterable -%}
        {%- for item in message['content'] -%}
            {%- if item['type'] == 'image' -%}
                {{ '<start_of_image>' }}
            {%- elif item['type'] == 'text' -%}
                {{ item['text'] | trim }}
            {%- endif -%}
        {%- endfor -%}
    {%- else -%}
        {{ raise_exception("Invalid content type") }}
    {%- endif -%}
    {{ '<end_of_turn>\\n' }}
{%- endfor -%}
{%- if add_generation_prompt -%}
    {{'<start_of_turn>model\\n'}}
{%- endif -%}
"""

# Templates as GGUF files carry them: Gemma 3's, and those llama-cpp-python ships for ChatML,
# Mistral and Llama 3 models, plus the small one above.
REAL_TEMPLATES = {
    "gemma3-it": GEMMA3_IT,
    "chatml": llama_chat_format.CHATML_CHAT_TEMPLATE,
    "mistral": llama_chat_format.MISTRAL_INSTRUCT_CHAT_TEMPLATE,
    "llama3": llama_chat_format.LLAMA3_INSTRUCT_CHAT_TEMPLATE,
    "tiny": TEMPLATE,
}
PROMPTS = ["Hi", "  What is 2 + 2?\n", 'Café <b>&</b> "quoted" {{ not a tag }}', ""]


def _hand_rendered(template: str, user_prompt: str, bos_token: str, eos_token: str) -> str:
    """How prompting.py rendered a chat template before it used llama-cpp-python's formatter."""

    def fail(message: str) -> Any:
        raise TemplateError(message)

    environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    try:
        return environment.from_string(template).render(
            messages=[{"role": "user", "content": user_prompt}],
            add_generation_prompt=True,
            bos_token=bos_token,
            eos_token=eos_token,
            raise_exception=fail,
            strftime_now=lambda fmt: datetime.now().strftime(fmt),
        )
    except TemplateError as error:
        raise PromptError(f"The model's chat template could not be used: {error}") from error


@pytest.mark.parametrize("name", REAL_TEMPLATES)
def test_real_templates_read_from_a_gguf_render_as_before(name: str, tmp_path: Path) -> None:
    path = write_model(
        tmp_path / f"{name}.gguf",
        Spec(raw={"tokenizer.chat_template": (REAL_TEMPLATES[name], gguf.GGUFValueType.STRING)}),
    )
    template = inspect_model_file(path).chat_template
    assert template == REAL_TEMPLATES[name]
    for prompt in PROMPTS:
        built = build_prompt(prompt, "auto", template, bos_token="<bos>", eos_token="<eos>")
        assert built.template == GGUF_CHAT
        assert built.text == _hand_rendered(template, prompt, "<bos>", "<eos>")
        assert built.stop == ["<eos>"]


def test_the_bundled_model_still_gets_the_question_answer_frame(bundled_model: Path) -> None:
    facts = inspect_model_file(bundled_model)
    built = build_prompt("Capital of Australia?", "auto", facts.chat_template, "<bos>", "<eos>")
    assert (built.template, built.text) == (QUESTION_ANSWER, _QA_TEXT)


_QA_TEXT = "Question: Capital of Australia?\nAnswer:"

BREAK = (
    "{{ bos_token }}{% for m in messages %}{% if m['role'] == 'user' %}"
    "<|user|>{{ m['content'] }}{% break %}{% endif %}{% endfor %}<|assistant|>"
)
GENERATION = (
    "{% for m in messages %}{% if m['role'] == 'assistant' %}{% generation %}"
    "<|assistant|>{{ m['content'] }}{{ eos_token }}{% endgeneration %}{% else %}"
    "<|{{ m['role'] }}|>{{ m['content'] }}{{ eos_token }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>{% endif %}"
)
TOJSON = "{% for m in messages %}<|json|>{{ m | tojson }}{% endfor %}<|assistant|>"


def test_a_template_with_break_renders() -> None:
    built = build_prompt("Hi", "chat", BREAK, bos_token="<s>", eos_token="</s>")
    assert built.text == "<s><|user|>Hi<|assistant|>"
    assert built.add_bos is False
    with pytest.raises(PromptError):  # what failed before
        _hand_rendered(BREAK, "Hi", "<s>", "</s>")


def test_a_template_with_generation_renders() -> None:
    built = build_prompt("Hi", "chat", GENERATION, bos_token="<s>", eos_token="</s>")
    assert built.text == "<|user|>Hi</s><|assistant|>"
    assert built.add_bos is True
    with pytest.raises(PromptError):
        _hand_rendered(GENERATION, "Hi", "<s>", "</s>")


def test_tojson_writes_json_as_transformers_does() -> None:
    prompt = 'Café <b>&</b> "quoted"'
    built = build_prompt(prompt, "chat", TOJSON, eos_token="</s>")
    # Unicode and markup kept as they are (Jinja's own tojson escapes them for HTML).
    assert built.text == (
        '<|json|>{"role": "user", "content": "Café <b>&</b> \\"quoted\\""}<|assistant|>'
    )
    assert json.loads(built.text.removeprefix("<|json|>").removesuffix("<|assistant|>")) == {
        "role": "user",
        "content": prompt,
    }


@pytest.mark.parametrize(
    ("template", "detail"),
    [
        ("{{ raise_exception('Only user and assistant roles are supported!') }}", "roles"),
        ("{% for m in messages %}{{ m['content'] }}", "end of template"),  # never closed
        ("{{ messages | no_such_filter }}", "no_such_filter"),
        ("{{ messages.__class__.__mro__ }}", "unsafe"),  # the sandbox refuses it
        ("{{ messages[0]['content'].missing.deeper }}", "no attribute 'missing'"),
    ],
)
def test_a_template_that_cannot_be_rendered_is_explained(template: str, detail: str) -> None:
    with pytest.raises(PromptError, match="chat template could not be used") as refused:
        build_prompt("Hi", "chat", template)
    assert detail in str(refused.value)


@pytest.mark.slow  # real llama.cpp inference on a tiny model
def test_a_model_whose_template_has_break_answers_in_chat_mode(tmp_path: Path) -> None:
    """Through the runner, on a tiny real model whose GGUF carries the template: what failed
    with "could not be used" before now reaches llama.cpp as the template says."""
    path = write_model(
        tmp_path / "break.gguf",
        Spec(raw={"tokenizer.chat_template": (BREAK, gguf.GGUFValueType.STRING)}),
    )
    runner = LocalRunner(
        LocalModel(path=str(path), prompt_mode="chat"),
        SamplingParams(max_tokens=4, context_length=256),
        1,
        tmp_path,
    )
    events: list[Event] = []
    runner.generate(GenerationRequest("r", "Hi"), events.append, threading.Event())
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.DONE, finished
    facts = next(e for e in events if isinstance(e, FactsEvent)).facts
    assert facts["prompt_sent"] == "<s><|user|>Hi<|assistant|>"
    assert facts["template"] == GGUF_CHAT
