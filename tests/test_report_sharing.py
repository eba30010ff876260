"""A report computes each thing once (core/analysis/session_report.py): one merge of the
document and one set of bootstrap resamples per number of items, shared by every figure. The
sharing must change no figure: the report equals its parts computed each on their own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from imitation_lens.core.analysis.estimates import bootstrap_intervals, shared_resamples
from imitation_lens.core.analysis.evaluator_view import merge_documents, shared_merges
from imitation_lens.core.analysis.evidence import evidence
from imitation_lens.core.analysis.metrics import ALL_EVALUATORS
from imitation_lens.core.analysis.revealing import without_revealing
from imitation_lens.core.analysis.session_report import beyond_the_study, build_session_report
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session


@pytest.mark.parametrize("exclude_revealing", [False, True])
def test_the_report_equals_its_figures_computed_one_by_one(
    tmp_path: Path, exclude_revealing: bool
) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session = make_session(store, 90, 3, 6, seed=5, evaluators=("", "Ana"))
    document = session_document(store, session)
    store.close()
    report = build_session_report(document, exclude_revealing=exclude_revealing)
    counted = without_revealing([document])[0] if exclude_revealing else document
    # Each part on its own: its own merge, its own resamples (repr: NaN equals itself there).
    alone = (
        evidence([counted], document["evaluator"] or None),
        evidence([counted], ALL_EVALUATORS),
    )
    assert repr(report.evidence) == repr(alone)
    beyond, tables = beyond_the_study([document], exclude_revealing=exclude_revealing)
    assert repr(report.beyond) == repr(beyond) and report.beyond_tables == tables
    assert len(report.evaluators) == 2 and report.agreement is not None


def test_shared_resamples_give_the_same_intervals_and_end_with_their_block() -> None:
    rng = np.random.default_rng(3)
    for items in (40, 1_200):  # both ways of counting the draws
        top = rng.integers(0, 3, size=(4, items)).astype(np.float64)
        bottom = np.ones((4, items))
        alone = bootstrap_intervals(top, bottom)
        with shared_resamples():
            first = bootstrap_intervals(top, bottom)
            again = bootstrap_intervals(top * 2, bottom)  # the second reuses the first's draws
        assert first == alone
        assert again == bootstrap_intervals(top * 2, bottom)


def test_shared_merges_merge_each_set_of_documents_once() -> None:
    one = {"evaluator": "", "items": [{"id": "a", "responses": [{"id": "r", "marks": []}]}]}
    other = {"evaluator": "Bo", "items": [{"id": "a", "responses": []}]}
    assert merge_documents([one]) is not merge_documents([one])  # outside a block: every time
    with shared_merges():
        merged = merge_documents([one])
        assert merge_documents([one]) is merged
        assert merge_documents([one, other]) is not merged
        assert merge_documents([one, other]) is merge_documents([one, other])
    assert merge_documents([one]) is not merged and merge_documents([one]) == merged
