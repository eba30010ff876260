"""Teacher connections: add a server (OpenAI-compatible, or another kind where one is registered),
test it, keep its key in the keychain."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.running.lineup import IN_FLIGHT, MAX_IN_FLIGHT, OPENAI_COMPATIBLE
from imitation_lens.core.servers import kinds
from imitation_lens.core.servers.connections import (
    KNOWN_SERVERS,
    VARIABLE_NAME_PROBLEM,
    Connection,
    ConnectionProblem,
    connections,
    delete_connection,
    is_variable_name,
    list_models,
    save_connection,
)
from imitation_lens.core.servers.secrets import store_api_key
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen

# The server's address as an example (not words: the same in every language).
EXAMPLE_URL = "https://api.openai.com/v1"
# How core's list of known servers ends a local server's name (left out of the name it suggests).
_ON_THIS_COMPUTER = " on this computer"


def _missing_words(missing: tuple[str, ...]) -> str:
    """What to fill in, as one whole sentence for each combination (translators get sentences)."""
    sentences = {
        ("name",): QCoreApplication.translate("ConnectionsDialog", "Give the connection a name."),
        ("address",): QCoreApplication.translate(
            "ConnectionsDialog", "Give the connection an address."
        ),
        ("model",): QCoreApplication.translate("ConnectionsDialog", "Give the connection a model."),
        ("name", "address"): QCoreApplication.translate(
            "ConnectionsDialog", "Give the connection a name and an address."
        ),
        ("name", "model"): QCoreApplication.translate(
            "ConnectionsDialog", "Give the connection a name and a model."
        ),
        ("address", "model"): QCoreApplication.translate(
            "ConnectionsDialog", "Give the connection an address and a model."
        ),
        ("name", "address", "model"): QCoreApplication.translate(
            "ConnectionsDialog", "Give the connection a name, an address and a model."
        ),
    }
    return sentences[missing]


def _named(widget: QWidget, name: str, description: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


def save_problem(name: str, base_url: str, model: str, key_env: str) -> tuple[str, str]:
    """What keeps the form from being saved, naming only the fields at fault, and the first of
    them ("name", "address", "model" or "key_env"); ("", "") when it can be saved."""
    missing = tuple(
        field
        for field, value in (("name", name), ("address", base_url), ("model", model))
        if not value
    )
    if missing:
        problem = _missing_words(missing)
        if not model:
            problem += " " + QCoreApplication.translate(
                "ConnectionsDialog", "Test connection lists the models the server offers."
            )
        return problem, missing[0]
    try:
        address = urlsplit(base_url)
        usable = address.scheme in ("http", "https") and bool(address.hostname)
    except ValueError:  # e.g. an unclosed [ of an IPv6 address
        usable = False
    if not usable:
        return (
            QCoreApplication.translate(
                "ConnectionsDialog",
                "“{address}” is not a web address: it starts with https:// or http://, for "
                "example https://api.openai.com/v1 or http://127.0.0.1:8080/v1.",
            ).format(address=base_url),
            "address",
        )
    if key_env and not is_variable_name(key_env):
        return VARIABLE_NAME_PROBLEM, "key_env"
    return "", ""


class ConnectionsDialog(QDialog):
    tested = Signal(bool, str)  # it worked, and what to tell the user
    told = Signal(str)  # any message shown in the form
    saved = Signal(str)  # connection id

    def __init__(self, writer: GuiWriter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Teacher connections"))
        self.setObjectName("connectionsDialog")
        fit_to_screen(self, 760, 420)
        self.writer = writer
        self._test: Task[list[str]] | None = None  # Test connection, while it asks
        self.items: list[Connection] = []
        self._editing = ""  # the id of the connection in the form ("" for a new one)

        self.list = QListWidget()
        _named(self.list, self.tr("Saved connections"), self.tr("Choose one to edit or delete it"))
        self.list.currentRowChanged.connect(self._show)
        new_button = QPushButton(self.tr("&New connection"))
        _named(new_button, self.tr("New connection"), self.tr("Start a new teacher connection"))
        new_button.clicked.connect(lambda: self._fill(Connection("", "", "", "")))
        self.delete_button = QPushButton(self.tr("&Delete"))
        _named(
            self.delete_button,
            self.tr("Delete connection"),
            self.tr("Forget the chosen connection"),
        )
        self.delete_button.clicked.connect(self._delete)

        # The kinds registered now (core/servers/kinds); the row shows only when there is a choice,
        # and then the usual OpenAI-compatible servers below are called "known" servers instead.
        self.server_kind = QComboBox()
        for kind in kinds.KINDS:
            self.server_kind.addItem(translation._(kind.label), kind.name)
        _named(
            self.server_kind,
            self.tr("Kind of server"),
            self.tr("How Imitation Lens talks to the server"),
        )
        several = self.server_kind.count() > 1
        self.preset = QComboBox()
        self.preset.addItem(
            self.tr("Choose a known server…") if several else self.tr("Choose a kind of server…"),
            "",
        )
        for label, url, _ in KNOWN_SERVERS:  # the servers' names come from core
            self.preset.addItem(label, url)
        _named(
            self.preset,
            self.tr("Known server") if several else self.tr("Kind of server"),
            self.tr("Fills in the usual address"),
        )
        self.preset.currentIndexChanged.connect(self._use_preset)
        self.name = QLineEdit()
        _named(
            self.name,
            self.tr("Connection name"),
            self.tr("A name you will recognise, e.g. ChatGPT"),
        )
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText(EXAMPLE_URL)
        _named(
            self.base_url,
            self.tr("Address (base URL)"),
            self.tr("The server's OpenAI-compatible address"),
        )
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(
            self.tr("Kept in this computer's keychain, never in Imitation Lens")
        )
        _named(
            self.key,
            self.tr("API key"),
            self.tr("Stored in the system keychain; leave empty for local servers"),
        )
        self.key_env = QLineEdit()
        self.key_env.setPlaceholderText(
            self.tr("or the name of an environment variable, e.g. OPENAI_API_KEY")
        )
        _named(
            self.key_env,
            self.tr("Key environment variable"),
            self.tr("Where to read the key if not keychain"),
        )
        self.model = QComboBox()
        self.model.setEditable(True)
        _named(
            self.model,
            self.tr("Model"),
            self.tr("The teacher model; Test connection lists what is offered"),
        )
        self.in_flight = QSpinBox()
        self.in_flight.setRange(1, MAX_IN_FLIGHT)
        self.in_flight.setValue(IN_FLIGHT)
        _named(
            self.in_flight,
            self.tr("Questions at once"),
            self.tr(
                "How many questions a batch asks this server at the same time; fewer if it refuses"
            ),
        )
        self.test_button = QPushButton(self.tr("&Test connection"))
        _named(
            self.test_button,
            self.tr("Test connection"),
            self.tr("Ask the server which models it offers"),
        )
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("&Save"))
        _named(
            self.save_button,
            self.tr("Save connection"),
            self.tr("Save this connection for the lineup"),
        )
        self.save_button.clicked.connect(self.save)
        self.result_label = QLabel()
        self.result_label.setObjectName("problemLabel")
        self.result_label.setProperty("problem", False)  # a problem's tint only with a problem
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Kind of server"), self.server_kind)
        form.addRow(self.tr("Known server") if several else self.tr("Kind"), self.preset)
        form.setRowVisible(self.server_kind, several)
        self._form = form
        self.server_kind.currentIndexChanged.connect(self._kind_chosen)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Address"), self.base_url)
        form.addRow(self.tr("API &key"), self.key)
        form.addRow("", self.key_env)
        form.addRow(self.tr("&Model"), self.model)
        form.addRow(self.tr("&Questions at once"), self.in_flight)
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.result_label)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(new_button)
        left_buttons.addWidget(self.delete_button)
        left.addLayout(left_buttons)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        _named(
            close.button(QDialogButtonBox.StandardButton.Close),
            self.tr("Close"),
            self.tr("Close this window"),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._fill(Connection("", "", "", ""))
        self.finished.connect(self._test_dropped)
        self.refresh()

    def refresh(self, select: str = "") -> None:
        def show(found: list[Connection]) -> None:
            self.items = found
            self.list.clear()
            for connection in found:
                self.list.addItem(f"{connection.name} — {connection.model}")
            ids = [c.id for c in found]
            if select in ids:
                self.list.setCurrentRow(ids.index(select))

        self.writer.call(connections, show, owner=self)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self._fill(self.items[row])

    def _fill(self, connection: Connection) -> None:
        self._editing = connection.id
        self.name.setText(connection.name)
        self.base_url.setText(connection.base_url)
        self.key.clear()
        self.key_env.setText(connection.api_key_env)
        self.model.clear()
        self.model.setEditText(connection.model)
        found = self.server_kind.findData(connection.kind)
        if found < 0:  # a kind this copy does not have stays the connection's until changed
            self.server_kind.addItem(
                self.tr("{kind} (not available in this version)").format(kind=connection.kind)
            )
            self.server_kind.setItemData(self.server_kind.count() - 1, connection.kind)
            found = self.server_kind.count() - 1
            self._form.setRowVisible(self.server_kind, True)
        self.server_kind.setCurrentIndex(found)
        self.in_flight.setValue(connection.in_flight)
        self._tell("", ok=True)

    def _kind(self) -> str:
        return str(self.server_kind.currentData() or OPENAI_COMPATIBLE)

    def _kind_chosen(self) -> None:
        """The known servers are OpenAI-compatible ones: offered only for that kind."""
        self._form.setRowVisible(self.preset, self._kind() == OPENAI_COMPATIBLE)

    def _use_preset(self) -> None:
        url = self.preset.currentData()
        if url:
            self.base_url.setText(url)
            if not self.name.text():
                # The server's own name (the list's first entry is "Choose…"), whatever the
                # interface's language says around it.
                label = KNOWN_SERVERS[self.preset.currentIndex() - 1][0]
                self.name.setText(label.removesuffix(_ON_THIS_COMPUTER))

    def test_connection(self) -> None:
        base_url, env, key = self.base_url.text(), self.key_env.text().strip(), self.key.text()
        kind = self._kind()
        self.test_button.setEnabled(False)
        self._tell(self.tr("Asking the server which models it offers…"), ok=True)

        def failed(error: Exception) -> None:
            if isinstance(error, ConnectionProblem):
                self._tested(False, str(error), [])
            else:  # the button must come back whatever happened
                message = self.tr("The test failed unexpectedly ({error}).").format(
                    error=type(error).__name__
                )
                self._tested(False, message, [])

        self._test = run_task(
            self,
            lambda _: list_models(base_url, env, key or None, kind),
            lambda models: self._tested(True, "", models),
            failed,
            name="test connection",
        )

    def _test_dropped(self) -> None:
        """Closing while a test asks drops its answer (it was for a form the user left); the
        button is back for the next time the dialog opens."""
        if self._test is not None:
            self._test = None
            self.test_button.setEnabled(True)
            self._tell("", ok=True)

    def _tested(self, ok: bool, message: str, models: list[str]) -> None:
        self._test = None
        self.test_button.setEnabled(True)
        if ok:
            current = self.model.currentText()
            self.model.clear()
            self.model.addItems(models)
            self.model.setEditText(current if current in models else models[0])
            message = self.tr(
                "It works: the server offers %n model(s). Choose one and Save.", "", len(models)
            )
        self._tell(message, ok)
        self.tested.emit(ok, message)

    def save(self) -> None:
        name, base_url = self.name.text().strip(), self.base_url.text().strip()
        model = self.model.currentText().strip()
        key = self.key.text()
        env = self.key_env.text().strip()
        problem, field = save_problem(name, base_url, model, env)
        if problem:
            self._tell(problem, ok=False)
            {"name": self.name, "address": self.base_url, "model": self.model}.get(
                field, self.key_env
            ).setFocus()
            return
        connection = Connection(
            self._editing, name, base_url, model, env, self._kind(), self.in_flight.value()
        )
        self.save_button.setEnabled(False)

        # The keychain may ask the desktop: never on the GUI thread. Saving is what the user
        # asked for, so closing the dialog meanwhile does not stop it.
        run_task(
            self,
            lambda _: not key or store_api_key(base_url, key),
            lambda kept: self._key_kept(connection, bool(key), kept),
            name="keep key",
            cancel_on_close=False,
        )

    def _key_kept(self, connection: Connection, had_key: bool, kept: bool) -> None:
        self.save_button.setEnabled(True)
        note = ""
        if had_key and not kept:
            if not connection.api_key_env:
                self._tell(
                    self.tr(
                        "This computer has no keychain to keep the key in. Put the key in an "
                        "environment variable and enter its name below the key instead."
                    ),
                    ok=False,
                )
                return
            note = self.tr("The key was not kept (no keychain); it is read from the variable.")
        self.key.clear()  # the key leaves this window as soon as it is in the keychain

        def done(saved: Connection) -> None:
            self._editing = saved.id
            told = self.tr("Saved “{name}”. Use it in Models ▸ Lineup.").format(name=saved.name)
            self._tell(f"{told} {note}" if note else told, ok=True)
            self.refresh(select=saved.id)
            self.saved.emit(saved.id)

        self.writer.call(lambda store: save_connection(store, connection), done, owner=self)

    def _delete(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return
        chosen = self.items[row]

        def forget(store: Store) -> None:
            delete_connection(store, chosen.id)

        self.writer.call(forget, lambda _: self.refresh(), owner=self)
        self._fill(Connection("", "", "", ""))

    def _tell(self, message: str, ok: bool) -> None:
        self.result_label.setText(message if ok else shown_fault(message))
        self.told.emit(message)
        self.result_label.setProperty("problem", not ok)
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
