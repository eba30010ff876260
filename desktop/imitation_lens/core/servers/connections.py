"""Saved teacher connections (a named server: address, model, where the key is, kind of server)
and "Test connection", which asks the server through its kind (core/servers/kinds/).

Only where a key is found is saved (an environment variable's name; otherwise the OS keychain
holds it under the base URL). The key itself never reaches the database. A connection's kind is
kept in the settings table (CONNECTION_KINDS, only for kinds other than the OpenAI-compatible
one), so the connections table keeps the columns older files have; so is how many questions a
batch asks it at once (CONNECTION_IN_FLIGHT, only where it is not the default).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.running.lineup import IN_FLIGHT, OPENAI_COMPATIBLE, Server, in_flight_of
from imitation_lens.core.servers import kinds
from imitation_lens.core.servers.kinds import ConnectionProblem as ConnectionProblem  # for the UI
from imitation_lens.core.servers.secrets import find_api_key, looks_like_variable_name, redact
from imitation_lens.core.storage.store import Store, new_id

# The settings key of {connection id: kind name}, for connections not OpenAI-compatible.
CONNECTION_KINDS = "connection_kinds"
# The settings key of {connection id: questions at once}, for connections not at IN_FLIGHT.
CONNECTION_IN_FLIGHT = "connection_in_flight"
TEST_TIMEOUT_S = 30.0

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


@dataclass(frozen=True)
class Connection:
    id: str
    name: str
    base_url: str
    model: str
    api_key_env: str = ""
    kind: str = OPENAI_COMPATIBLE  # a name in core/servers/kinds
    in_flight: int = IN_FLIGHT  # questions a batch asks it at once

    def server(self) -> Server:
        return Server(
            self.base_url, self.model, self.api_key_env, kind=self.kind, in_flight=self.in_flight
        )


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
        _keep_kind(store, saved.id, saved.kind)
        _keep_in_flight(store, saved.id, saved.in_flight)
    return saved


def delete_connection(store: Store, connection_id: str) -> None:
    with store.db.atomic():
        store.db.table("connections").delete(connection_id)
        _keep_kind(store, connection_id, OPENAI_COMPATIBLE)
        _keep_in_flight(store, connection_id, IN_FLIGHT)


def _kinds(store: Store) -> dict[str, str]:
    found = store.get_setting(CONNECTION_KINDS, {})
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _keep_kind(store: Store, connection_id: str, kind: str) -> None:
    """Remember a connection's kind where it is not the OpenAI-compatible one (in a transaction)."""
    known = _kinds(store)
    if kind == OPENAI_COMPATIBLE and connection_id not in known:
        return
    known.pop(connection_id, None)
    if kind != OPENAI_COMPATIBLE:
        known[connection_id] = kind
    row = {"key": CONNECTION_KINDS, "value": json.dumps(known)}
    store.db.table("settings").upsert(row, pk="key")


def _in_flights(store: Store) -> dict[str, int]:
    found = store.get_setting(CONNECTION_IN_FLIGHT, {})
    return {str(k): in_flight_of(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _keep_in_flight(store: Store, connection_id: str, in_flight: int) -> None:
    """Remember questions at once where it is not the default (in a transaction)."""
    known = _in_flights(store)
    if in_flight == IN_FLIGHT and connection_id not in known:
        return
    known.pop(connection_id, None)
    if in_flight != IN_FLIGHT:
        known[connection_id] = in_flight_of(in_flight)
    row = {"key": CONNECTION_IN_FLIGHT, "value": json.dumps(known)}
    store.db.table("settings").upsert(row, pk="key")


def connections(store: Store) -> list[Connection]:
    rows = store.db.query("SELECT * FROM connections ORDER BY created_at")
    kind_of = _kinds(store)
    at_once = _in_flights(store)
    return [
        Connection(
            r["id"],
            r["name"],
            r["base_url"],
            r["model"],
            _variable(r["api_key_env"]),
            kind_of.get(r["id"], OPENAI_COMPATIBLE),
            at_once.get(r["id"], IN_FLIGHT),
        )
        for r in rows
    ]


def _variable(saved: str | None) -> str:
    """A key saved as a variable's name by an earlier version goes no further (lineups, exports)."""
    return saved if saved and is_variable_name(saved) else ""


def list_models(
    base_url: str, api_key_env: str = "", key: str | None = None, kind: str = OPENAI_COMPATIBLE
) -> list[str]:
    """Ask the server which models it offers, through its kind (blocking: call it off the GUI
    thread)."""
    if api_key_env and not is_variable_name(api_key_env):
        raise ConnectionProblem(VARIABLE_NAME_PROBLEM)
    asks = kinds.kind_named(kind)
    server = Server(base_url.strip(), "", api_key_env, kind=kind)
    key = key or find_api_key(server.base_url, api_key_env)
    try:
        models = asks.list_models(server, key, TEST_TIMEOUT_S)
    except ConnectionProblem as problem:
        raise ConnectionProblem(redact(str(problem), key)) from None
    if not models:
        raise ConnectionProblem(_("The server answered but offers no models."))
    return models
