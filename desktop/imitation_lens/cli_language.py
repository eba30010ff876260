"""The CLI in the chosen language: the choice, made before argparse writes a word, and
argparse's own words ("usage:", "error:", its headings and -h) through core's catalogue."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import NoReturn

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _


def choose_language(words: list[str]) -> str:
    """The CLI's language, chosen before argparse writes a word: --language, else the data
    folder's saved choice (the window's Settings), else the system's."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--data-dir")
    early.add_argument("--language")
    known, _unused = early.parse_known_args(words)
    if known.language in translation.LANGUAGES:
        language: str = known.language
    else:  # an unknown --language is refused by the full parser, in the saved language
        from imitation_lens.core.housekeeping.paths import data_paths

        language = translation.chosen_language(data_paths(known.data_dir).window_settings)
    translation.use_language(language, translation.system_locale())
    return language


class TranslatedFormatter(argparse.HelpFormatter):
    """argparse's own "usage: " in the chosen language (its other words come from the parsers)."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class TranslatedParser(argparse.ArgumentParser):
    """argparse's "error:" in the chosen language (what follows it is argparse's own English,
    but for the refusals this module writes, such as _count_of's)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def command_parser(
    commands: argparse._SubParsersAction[TranslatedParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name,
        help=help_text,
        description=help_text,
        add_help=False,
        formatter_class=TranslatedFormatter,
    )
    translated_groups(parser)
    return parser


def translated_groups(parser: argparse.ArgumentParser) -> None:
    """argparse's headings and its -h are English; the CLI speaks the chosen language."""
    parser._positionals.title = _("arguments")
    parser._optionals.title = _("options")
    parser.add_argument("-h", "--help", action="help", help=_("show this help and exit"))
