"""Saved teacher connections (OpenAI-compatible endpoints) and "Test connection".

Only where a key is found is saved (an environment variable's name; otherwise the OS keychain
holds it under the base URL). The key itself never reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass

import openai

from imitation_lens.core.running.events import utc_now
from imitation_lens.core.running.lineup import Server
from imitation_lens.core.servers.secrets import find_api_key, looks_like_variable_name, redact
from imitation_lens.core.servers.server_runner import CONNECT_TIMEOUT_S, explain_api_error
from imitation_lens.core.storage.store import Store, new_id

# Where people usually find an OpenAI-compatible server (label, base URL, key needed).
KNOWN_SERVERS: list[tuple[str, str, bool]] = [
    ("OpenAI", "https://api.openai.com/v1", True),
    ("llama.cpp server on this computer", "http://127.0.0.1:8080/v1", False),
    ("Ollama on this computer", "http://127.0.0.1:11434/v1", False),
    ("LM Studio on this computer", "http://127.0.0.1:1234/v1", False),
    ("vLLM on this computer", "http://127.0.0.1:8000/v1", False),
]


VARIABLE_NAME_PROBLEM = (
    "That is not the name of an environment variable (letters, digits and _ only, e.g. "
    "OPENAI_API_KEY). Put the key itself in the API key field, never here."
)


def is_variable_name(text: str) -> bool:
    """Whether `text` can be an environment variable's name (and so is not a pasted key)."""
    return looks_like_variable_name(text)


class ConnectionProblem(Exception):
    """Why a teacher could not be reached or used, in plain words (never containing the key)."""


@dataclass(frozen=True)
class Connection:
    id: str
    name: str
    base_url: str
    model: str
    api_key_env: str = ""

    def endpoint(self) -> Server:
        return Server(self.base_url, self.model, self.api_key_env)


def save_connection(store: Store, connection: Connection) -> Connection:
    now = utc_now()
    saved = connection if connection.id else Connection(**{**connection.__dict__, "id": new_id()})
    table = store.db.table("connections")
    row = {
        "id": saved.id,
        "name": saved.name,
        "base_url": saved.base_url,
        "model": saved.model,
        "api_key_env": _variable(saved.api_key_env),  # the dialogs refuse a key; never store one
        "updated_at": now,
    }
    with store.db.atomic():
        if table.count_where("id = ?", [saved.id]):
            table.update(saved.id, row)
        else:
            table.insert(row | {"created_at": now})
    return saved


def delete_connection(store: Store, connection_id: str) -> None:
    with store.db.atomic():
        store.db.table("connections").delete(connection_id)


def connections(store: Store) -> list[Connection]:
    rows = store.db.query("SELECT * FROM connections ORDER BY created_at")
    return [
        Connection(r["id"], r["name"], r["base_url"], r["model"], _variable(r["api_key_env"]))
        for r in rows
    ]


def _variable(saved: str | None) -> str:
    """A key saved as a variable's name by an earlier version goes no further (lineups, exports)."""
    return saved if saved and is_variable_name(saved) else ""


def list_models(base_url: str, api_key_env: str = "", key: str | None = None) -> list[str]:
    """Ask the server which models it offers (blocking: call it off the GUI thread)."""
    base_url = base_url.strip()
    if not base_url.startswith(("http://", "https://")):
        raise ConnectionProblem("The address must start with http:// or https://.")
    if api_key_env and not is_variable_name(api_key_env):
        raise ConnectionProblem(VARIABLE_NAME_PROBLEM)
    key = key or find_api_key(base_url, api_key_env)
    client = openai.OpenAI(
        base_url=base_url,
        api_key=key or "no-key-set",
        max_retries=0,
        timeout=openai.Timeout(30.0, connect=CONNECT_TIMEOUT_S),
    )
    try:
        models = sorted({m.id for m in client.models.list() if isinstance(m.id, str) and m.id})
    except openai.OpenAIError as error:
        message = explain_api_error(error, Server(base_url, "", api_key_env))
        raise ConnectionProblem(redact(message, key)) from None
    except Exception as error:  # a server that answers, but not like an OpenAI-compatible one
        raise ConnectionProblem(
            redact(
                f"The server at {base_url} answered in a way this app does not understand "
                f"({type(error).__name__}). Is it an OpenAI-compatible address (often ending "
                "in /v1)?",
                key,
            )
        ) from None
    if not models:
        raise ConnectionProblem("The server answered but offers no models.")
    return models
