"""The kind of server every teacher was before there were kinds: an OpenAI-compatible chat server
(OpenAI, llama.cpp's server, Ollama, LM Studio, vLLM…), asked with the `openai` client by
core/servers/server_runner.py."""

from __future__ import annotations

import openai

from imitation_lens.core.housekeeping.translation import N_, _
from imitation_lens.core.running.lineup import OPENAI_COMPATIBLE, Server
from imitation_lens.core.servers.kinds import ConnectionProblem, ServerKind
from imitation_lens.core.servers.secrets import redact
from imitation_lens.core.servers.server_runner import (
    CONNECT_TIMEOUT_S,
    PLACEHOLDER_KEY,
    ServerRunner,
    explain_api_error,
)


def list_models(server: Server, key: str | None, timeout_s: float) -> list[str]:
    """Ask the server which models it offers (blocking: call it off the GUI thread)."""
    base_url = server.base_url.strip()
    if not base_url.startswith(("http://", "https://")):
        raise ConnectionProblem(_("The address must start with http:// or https://."))
    client = openai.OpenAI(
        base_url=base_url,
        api_key=key or PLACEHOLDER_KEY,
        max_retries=0,
        timeout=openai.Timeout(timeout_s, connect=CONNECT_TIMEOUT_S),
    )
    try:
        return sorted({m.id for m in client.models.list() if isinstance(m.id, str) and m.id})
    except openai.OpenAIError as error:
        message = explain_api_error(error, Server(base_url, "", server.api_key_env))
        raise ConnectionProblem(redact(message, key)) from None
    except Exception as error:  # a server that answers, but not like an OpenAI-compatible one
        raise ConnectionProblem(
            redact(
                _(
                    "The server at {address} answered in a way this app does not understand "
                    "({detail}). Is it an OpenAI-compatible address (often ending in /v1)?"
                ).format(address=base_url, detail=type(error).__name__),
                key,
            )
        ) from None


KIND = ServerKind(
    name=OPENAI_COMPATIBLE,
    label=N_("OpenAI-compatible server"),  # shown through _() where listed
    make_runner=ServerRunner,
    list_models=list_models,
    order=0,
)
