"""The batch's time-left estimate is steady: no jumps up from one question to the next."""

from __future__ import annotations

import itertools

from imitation_lens.core.batches.run import time_left
from imitation_lens.core.batches.time_left import MAX_RISE, TimeLeft

# Seconds per question as a real set gives them: mostly short, some long explanations.
DURATIONS = [20, 27, 19, 48, 22, 18, 61, 25, 21, 19, 44, 20, 23, 18, 22]


def _old_estimates(total: int) -> list[float]:
    """What the batch showed before: the mean of the last 20 questions times those left."""
    out, done = [], []
    for seconds in DURATIONS:
        done.append(seconds)
        recent = done[-20:]
        out.append(sum(recent) / len(recent) * (total - len(done)))
    return out


def test_the_estimate_never_jumps_up_and_settles_on_the_real_pace() -> None:
    total = 60
    estimator = TimeLeft()
    shown: list[float] = []  # every estimate given, in order
    for done, seconds in enumerate(DURATIONS, start=1):
        remaining = total - done
        # Reported as the question's last answer ends, then as the next question starts.
        before = estimator.seconds(remaining)
        estimator.question_done(seconds)
        after = estimator.seconds(remaining)
        assert after is not None and estimator.seconds(remaining) == after  # asked again: same
        shown += [s for s in (before, after) if s is not None]
    rises = [b / a for a, b in itertools.pairwise(shown)]
    assert max(rises) <= 1 + MAX_RISE + 1e-9
    old = _old_estimates(total)
    old_rises = [b / a for a, b in itertools.pairwise(old)]
    assert max(old_rises) > 1 + 2 * MAX_RISE  # the sequence does make a plain mean jump up
    # Still an estimate of the work left: within a quarter of the mean pace times what is left.
    mean = sum(DURATIONS) / len(DURATIONS)
    assert abs(shown[-1] - mean * (total - len(DURATIONS))) < 0.25 * mean * 45
    assert time_left(shown[-1]).startswith("about ")


def test_no_estimate_before_the_first_question_is_done() -> None:
    estimator = TimeLeft()
    assert estimator.seconds(10) is None
    assert time_left(None) == "estimating time left…"
    estimator.question_done(30)
    assert estimator.seconds(9) == 270


def test_with_several_at_once_questions_coming_in_together_share_the_time() -> None:
    """Four questions in flight come in in bursts (four within a moment, then a wait): the
    time between them is shared out, so the estimate is the real pace (1 s a question here)
    and falls steadily rather than jumping with each burst."""
    total = 40
    estimator = TimeLeft()
    now = 0.0
    estimator.answered_by_now(0, now)
    shown: list[float] = []
    for burst in range(1, total // 4 + 1):
        now = burst * 4.0
        estimator.answered_by_now(burst * 4, now)
        seconds = estimator.seconds(total - burst * 4)
        assert seconds is not None
        shown.append(seconds)
    assert shown[0] == 36.0  # 4 s for 4 questions: 1 s each, 36 left
    assert all(later <= earlier for earlier, later in itertools.pairwise(shown))
    estimator.answered_by_now(40, now)  # a report with nothing new changes nothing
    assert estimator.seconds(0) == 0.0
