"""Choose what runs in a column and with which settings."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.running.lineup import (
    IN_FLIGHT,
    OPENAI_COMPATIBLE,
    LocalModel,
    PromptMode,
    ReplayMode,
    SamplingParams,
    Server,
    SlotConfig,
)
from imitation_lens.core.servers import kinds
from imitation_lens.core.servers.connections import VARIABLE_NAME_PROBLEM, is_variable_name

# The labels below are marked here and translated where they are shown (self.tr);
# QT_TRANSLATE_NOOP returns its text, typed as object.
_SOURCES: list[str] = cast(
    list[str],
    [
        QT_TRANSLATE_NOOP("SlotDialog", "Built-in demo model"),
        QT_TRANSLATE_NOOP("SlotDialog", "A GGUF model file on this computer"),
        QT_TRANSLATE_NOOP("SlotDialog", "An online or local API"),
    ],
)
_MODES = cast(
    list[tuple[PromptMode, str]],
    [
        ("auto", QT_TRANSLATE_NOOP("SlotDialog", "Automatic (chat template if the model has one)")),
        ("completion", QT_TRANSLATE_NOOP("SlotDialog", "Question and answer (for base models)")),
        (
            "teacher-style",
            QT_TRANSLATE_NOOP("SlotDialog", "Question and answer after teacher-style examples"),
        ),
        ("chat", QT_TRANSLATE_NOOP("SlotDialog", "The model's own chat template")),
    ],
)

_REPLAY = cast(
    list[tuple[ReplayMode, str]],
    [
        ("fallback", QT_TRANSLATE_NOOP("SlotDialog", "Used when the teacher can't be reached")),
        ("always", QT_TRANSLATE_NOOP("SlotDialog", "Always used: an offline demo, no network")),
        ("never", QT_TRANSLATE_NOOP("SlotDialog", "Never used")),
    ],
)

# What a server column asks when its fields are left empty (and the fields' examples).
DEFAULT_URL = "https://api.openai.com/v1"
DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_KEY_VARIABLE = "OPENAI_API_KEY"


# One line each, for evaluators who never met these settings (tooltips and "What do these mean?").
# Keyed by the knob's English label; both are translated where they are shown.
KNOB_HINTS = cast(
    dict[str, str],
    {
        "Temperature": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "How adventurous the wording is. 0 always picks the likeliest next word (the same answer "
            "every time); higher is more varied, and makes more mistakes.",
        ),
        "Top p": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "The model picks only from the likeliest next words, taken until their chances add up "
            "to this share. 1 allows every word; 0.9 leaves out the unlikely last tenth.",
        ),
        "Top k": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "The model picks only from this many of the likeliest next words. 0 means no limit.",
        ),
        "Repeat penalty": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "Makes words the answer already used less likely, against going round in circles. "
            "1 is no penalty; 1.1 is a mild one.",
        ),
        "Longest answer (tokens)": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "The answer stops after this many tokens (a token is about ¾ of a word).",
        ),
        "Seed (same seed, same answer)": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "The starting point of the random choices: the same seed and settings give the same answer.",
        ),
        "Context length (tokens)": QT_TRANSLATE_NOOP(
            "SlotDialog",
            "How much text the model keeps in view: the question and the answer together. More "
            "needs more memory.",
        ),
        "CPU threads": QT_TRANSLATE_NOOP(
            "SlotDialog", "How many processor cores work on the answer; Automatic picks for you."
        ),
    },
)
KNOBS_EXPLAINED = ("Temperature", "Top p", "Top k", "Repeat penalty")
_KNOB_LABELS = cast(
    tuple[str, ...],
    (
        QT_TRANSLATE_NOOP("SlotDialog", "Temperature"),
        QT_TRANSLATE_NOOP("SlotDialog", "Top p"),
        QT_TRANSLATE_NOOP("SlotDialog", "Top k"),
        QT_TRANSLATE_NOOP("SlotDialog", "Repeat penalty"),
        QT_TRANSLATE_NOOP("SlotDialog", "Longest answer (tokens)"),
        QT_TRANSLATE_NOOP("SlotDialog", "Seed (same seed, same answer)"),
        QT_TRANSLATE_NOOP("SlotDialog", "Context length (tokens)"),
        QT_TRANSLATE_NOOP("SlotDialog", "CPU threads"),
    ),
)


class SlotDialog(QDialog):
    def __init__(self, slot: SlotConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{role} column").format(role=slot.role))
        self._slot = slot
        self.role = QLineEdit(slot.role)
        self.source = QComboBox()
        self.source.addItems([self.tr(label) for label in _SOURCES])
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose a .gguf file…"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row_widget = QWidget()
        path_row = QHBoxLayout(path_row_widget)
        path_row.setContentsMargins(0, 0, 0, 0)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.mode = QComboBox()
        for _, label in _MODES:
            self.mode.addItem(self.tr(label))
        # The kinds registered now (core/servers/kinds); the row shows only when there is a choice.
        self.server_kind = QComboBox()
        for kind in kinds.KINDS:
            self.server_kind.addItem(translation._(kind.label), kind.name)
        self.server_kind.setAccessibleName(self.tr("Kind of server"))
        self.server_kind.setAccessibleDescription(self.tr("How Imitation Lens talks to the server"))
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText(DEFAULT_URL)
        self.model = QLineEdit()
        self.model.setPlaceholderText(DEFAULT_MODEL)
        self.key_env = QLineEdit()
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("Leave empty to keep the saved key"))
        self.key_hint = QLabel(
            self.tr(
                "The key is kept in your system keychain (or read from the environment variable "
                "above), never in Imitation Lens's files."
            )
        )
        self.key_hint.setWordWrap(True)
        self.replay = QComboBox()
        for _, label in _REPLAY:
            self.replay.addItem(self.tr(label))

        form = QFormLayout()
        form.addRow(self.tr("Role shown"), self.role)
        form.addRow(self.tr("Runs"), self.source)
        # Rows are found by their field (the label is in the interface's language).
        self._path_row = path_row_widget
        self._local_rows: list[tuple[str, QWidget]] = [
            (self.tr("Model file"), path_row_widget),
            (self.tr("Prompt style"), self.mode),
        ]
        self._server_rows: list[tuple[str, QWidget]] = [
            (self.tr("Kind of server"), self.server_kind),
            (self.tr("API address"), self.base_url),
            (self.tr("Model id"), self.model),
            (self.tr("Key variable"), self.key_env),
            (self.tr("API key"), self.key),
            (self.tr("Recorded answers"), self.replay),
        ]
        for label, field in self._local_rows + self._server_rows:
            form.addRow(label, field)
        form.addRow(self.key_hint)
        self._form = form

        params = slot.params
        self.temperature = _double(params.temperature, 0.0, 2.0, 0.05)
        self.top_p = _double(params.top_p, 0.0, 1.0, 0.01)
        self.top_k = _int(params.top_k, 0, 1000)
        self.repeat_penalty = _double(params.repeat_penalty, 0.5, 2.0, 0.01)
        self.max_tokens = _int(params.max_tokens, 1, 32768)
        self.seed = _int(params.seed, 0, 2**31 - 1)
        self.context = _int(params.context_length, 256, 262144)
        self.threads = _int(params.threads, 0, 256)
        self.threads.setSpecialValueText(self.tr("Automatic"))
        sampling = QFormLayout()
        fields = (
            self.temperature,
            self.top_p,
            self.top_k,
            self.repeat_penalty,
            self.max_tokens,
            self.seed,
            self.context,
            self.threads,
        )
        for label, field in zip(_KNOB_LABELS, fields, strict=True):
            row_label = QLabel(self.tr(label))
            hint = self.tr(KNOB_HINTS[label])
            for widget in (row_label, field):
                widget.setToolTip(hint)
            field.setAccessibleName(self.tr(label))
            field.setAccessibleDescription(hint)
            sampling.addRow(row_label, field)
        # The hints are in the tooltips; this makes them readable without a mouse, on demand,
        # so the dialog stays short.
        self.knobs_help = QLabel(
            "\n".join(
                self.tr("{knob}: {hint}").format(knob=self.tr(name), hint=self.tr(KNOB_HINTS[name]))
                for name in KNOBS_EXPLAINED
            )
        )
        self.knobs_help.setTextFormat(Qt.TextFormat.PlainText)
        self.knobs_help.setWordWrap(True)
        self.knobs_help.setObjectName("hintLabel")
        self.knobs_help.hide()
        self.knobs_button = QPushButton(self.tr("What do these mean?"))
        self.knobs_button.setCheckable(True)
        self.knobs_button.setAccessibleName(self.tr("What do these settings mean?"))
        self.knobs_button.setAccessibleDescription(
            self.tr("Shows one line about each of Temperature, Top p, Top k and Repeat penalty")
        )
        self.knobs_button.toggled.connect(self._explain_knobs)
        box = QGroupBox(self.tr("Sampling"))
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(sampling)
        box_layout.addWidget(self.knobs_button)
        box_layout.addWidget(self.knobs_help)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

        self._fill(slot)
        self.source.currentIndexChanged.connect(self._show_rows)
        self._show_rows()

    def _fill(self, slot: SlotConfig) -> None:
        if isinstance(slot.source, Server):
            self.source.setCurrentIndex(2)
            self.base_url.setText(slot.source.base_url)
            self.model.setText(slot.source.model)
            self.key_env.setText(slot.source.api_key_env)
            self.replay.setCurrentIndex([m for m, _ in _REPLAY].index(slot.source.replay))
            self._choose_kind(slot.source.kind)
        else:
            self.source.setCurrentIndex(0 if slot.source.is_bundled else 1)
            self.path.setText(slot.source.path)
            modes = [mode for mode, _ in _MODES]
            self.mode.setCurrentIndex(modes.index(slot.source.prompt_mode))
            self.key_env.setText(DEFAULT_KEY_VARIABLE)

    def _choose_kind(self, name: str) -> None:
        found = self.server_kind.findData(name)
        if found < 0:  # a kind this copy does not have stays the column's until changed
            self.server_kind.addItem(
                self.tr("{kind} (not available in this version)").format(kind=name), name
            )
            found = self.server_kind.count() - 1
        self.server_kind.setCurrentIndex(found)

    def _show_rows(self) -> None:
        choice = self.source.currentIndex()
        for _, field in self._local_rows:
            self._form.setRowVisible(field, choice in (0, 1))
        self._form.setRowVisible(self._path_row, choice == 1)
        for _, field in self._server_rows:
            self._form.setRowVisible(field, choice == 2)
        several = self.server_kind.count() > 1
        self._form.setRowVisible(self.server_kind, choice == 2 and several)
        self.key_hint.setVisible(choice == 2)

    def _explain_knobs(self, shown: bool) -> None:
        self.knobs_help.setVisible(shown)
        self.adjustSize()  # grow to show the lines (and shrink back), never squeeze them

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a model file"),
            "",
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def typed_key(self) -> str:
        """A key typed in this form, for the window to put in the keychain (off the GUI thread)."""
        return self.key.text() if self.source.currentIndex() == 2 else ""

    def _accept(self) -> None:
        variable = self.key_env.text().strip()
        if self.source.currentIndex() == 2 and variable and not is_variable_name(variable):
            self.key_env.setFocus()
            self.key_hint.setText(VARIABLE_NAME_PROBLEM)
            return
        self.accept()

    def result_slot(self) -> SlotConfig:
        choice = self.source.currentIndex()
        source: LocalModel | Server
        if choice == 2:
            base_url = self.base_url.text().strip() or DEFAULT_URL
            source = Server(
                base_url,
                self.model.text().strip() or DEFAULT_MODEL,
                self.key_env.text().strip(),
                _REPLAY[self.replay.currentIndex()][0],
                str(self.server_kind.currentData() or OPENAI_COMPATIBLE),
                # questions at once are set on the connection; the column keeps its number
                self._slot.source.in_flight if isinstance(self._slot.source, Server) else IN_FLIGHT,
            )
        else:
            mode = _MODES[self.mode.currentIndex()][0]
            source = LocalModel(self.path.text().strip() if choice == 1 else "", mode)
        params = SamplingParams(
            temperature=self.temperature.value(),
            top_p=self.top_p.value(),
            top_k=self.top_k.value(),
            repeat_penalty=self.repeat_penalty.value(),
            max_tokens=self.max_tokens.value(),
            seed=self.seed.value(),
            context_length=self.context.value(),
            threads=self.threads.value(),
        )
        note = self._slot.note if source == self._slot.source else ""
        return replace(
            self._slot,
            role=self.role.text().strip() or self._slot.role,
            source=source,
            params=params,
            note=note,
        )


def _double(value: float, low: float, high: float, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(2)
    box.setValue(value)
    return box


def _int(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box
