"""Figures with 95% intervals: the bootstrap over items, and how a figure is written.

Intervals: 95% percentile bootstrap, resampling items (all of an item's answers and verdicts
move together, so the slots stay paired), 2000 resamples with a fixed seed so a report is
reproducible; none for a figure resting on fewer than 5 items. All resamples are drawn at once
and every figure is a ratio of sums, so the bootstrap is one matrix product.

Shares (figures between 0 and 1: answers with an error, wins, correct answers) are never given
an interval narrower than the Wilson score interval over their count: the percentile bootstrap
collapses to "0% (0–0%)" when no item has the thing counted, though ten answers without an
error are no proof that the next one has none. Wilson stays inside 0–1 and is honest at 0/n and
n/n (0/10 gives 0–28%).
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from imitation_lens.core.housekeeping.translation import number, percent

RESAMPLES = 2000
SEED = 20230525  # fixed so the same data always gives the same intervals
MIN_ITEMS_FOR_INTERVAL = 5
DASH = "–"
Z95 = 1.959963984540054  # the standard normal's 97.5th percentile

# Draw counts already made, by (items, resamples, seed), while `shared_resamples()` is open.
_SHARED: ContextVar[dict[tuple[int, int, int], npt.NDArray[np.generic]] | None] = ContextVar(
    "shared_resamples", default=None
)


@dataclass(frozen=True)
class Estimate:
    """A figure with its 95% interval where there were enough items for one."""

    value: float | None  # None when there is nothing to measure
    low: float | None = None
    high: float | None = None
    count: int = 0  # what it is measured over: answers or verdicts
    items: int = 0  # items behind it; intervals need MIN_ITEMS_FOR_INTERVAL


def ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def wilson(successes: float, count: float, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval for `successes` out of `count`; None when count is 0.

    (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), p = successes / count. At 0/n the low
    bound is exactly 0 and the high bound z²/(n + z²); at n/n the mirror image.
    """
    if count <= 0:
        return None
    share = min(max(successes / count, 0.0), 1.0)
    z2 = z * z
    centre = share + z2 / (2 * count)
    spread = z * math.sqrt(share * (1 - share) / count + z2 / (4 * count * count))
    scale = 1 + z2 / count
    low = 0.0 if share == 0 else max(0.0, (centre - spread) / scale)
    high = 1.0 if share == 1 else min(1.0, (centre + spread) / scale)
    return low, high


def with_wilson(estimate: Estimate) -> Estimate:
    """A share's bootstrap interval widened to hold Wilson's interval on its counts.

    A bootstrap over items collapses to "0% (0–0%)" when no item has a success; Wilson's
    interval does not. Only figures that already have an interval (enough items) are widened.
    """
    if estimate.value is None or estimate.low is None or estimate.high is None:
        return estimate
    interval = wilson(estimate.value * estimate.count, estimate.count)
    if interval is None:
        return estimate
    return replace(
        estimate, low=min(estimate.low, interval[0]), high=max(estimate.high, interval[1])
    )


def share_estimate(successes: float, count: int, items: int | None = None) -> Estimate:
    """A share counted directly (no bootstrap): the Wilson interval over `count`."""
    interval = wilson(successes, count)
    return Estimate(
        value=ratio(successes, count),
        low=None if interval is None else interval[0],
        high=None if interval is None else interval[1],
        count=count,
        items=count if items is None else items,
    )


@contextmanager
def shared_resamples() -> Iterator[None]:
    """Within it, figures over the same number of items reuse one set of resamples.

    A report computes several bootstraps over the same items (per model, style, position...):
    with the same seed they draw the very same resamples, so drawing and counting them once
    gives the same intervals for a fraction of the time (1.5 s a run at 10,000 items). The
    counts are held only until the block ends (as 16-bit integers: 40 MB at 10,000 items).
    """
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def _draw_counts(items: int, resamples: int, seed: int) -> npt.NDArray[np.float64]:
    """How often each item was drawn in each resample (resamples × items), as floats."""
    shared = _SHARED.get()
    key = (items, resamples, seed)
    if shared is not None and key in shared:
        return shared[key].astype(np.float64)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, items, size=(resamples, items))
    # How often each item was drawn in each resample: the sums become one matrix product.
    if items < 1_000:  # one bincount over every draw: the loop below costs more when small
        offsets = np.arange(resamples)[:, None] * items
        counts = np.bincount((draws + offsets).ravel(), minlength=resamples * items)
        weights = counts.reshape(resamples, items).astype(np.float64)
    else:
        # The same counts, a resample at a time straight into the float matrix: at 10,000
        # items the one bincount made three more 160 MB arrays and took three times as long.
        weights = np.empty((resamples, items), dtype=np.float64)
        for resample, drawn in enumerate(draws):
            weights[resample] = np.bincount(drawn, minlength=items)
    if shared is not None:
        # A count is at most `items`: 16 bits hold it exactly up to 65,535 items.
        shared[key] = weights.astype(np.uint16) if items <= 0xFFFF else weights.copy()
    return weights


def bootstrap_intervals(
    numerators: npt.NDArray[np.float64],
    denominators: npt.NDArray[np.float64],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[tuple[float, float] | None]:
    """95% percentile intervals for ratios of sums, resampling the columns (items).

    Row r of both arrays is one figure: sum(numerators[r]) / sum(denominators[r]). A figure
    with fewer than MIN_ITEMS_FOR_INTERVAL items (columns with a non-zero denominator) gets None.
    """
    figures, items = numerators.shape
    eligible = np.flatnonzero((denominators > 0).sum(axis=1) >= MIN_ITEMS_FOR_INTERVAL)
    out: list[tuple[float, float] | None] = [None] * figures
    if items == 0 or eligible.size == 0 or resamples < 1:
        return out
    weights = _draw_counts(items, resamples, seed)
    top = weights @ numerators[eligible].T
    bottom = weights @ denominators[eligible].T
    ratios = np.full_like(top, np.nan)
    np.divide(top, bottom, out=ratios, where=bottom > 0)
    lows, highs = np.nanpercentile(ratios, [2.5, 97.5], axis=0)
    for row, low, high in zip(eligible, lows, highs, strict=True):
        out[int(row)] = (float(low), float(high))
    return out


def estimates(
    numerators: npt.NDArray[np.float64],
    denominators: npt.NDArray[np.float64],
    resamples: int = RESAMPLES,
    seed: int = SEED,
    *,
    shares: bool | Container[int] = False,
) -> list[Estimate]:
    """Every row's figure (a ratio of sums over items) with its bootstrap interval.

    With `shares` (True: every row; else the rows named are shares between 0 and 1), an interval is widened where needed to
    hold the Wilson interval over the row's count: the bootstrap's floor.
    """
    intervals = bootstrap_intervals(numerators, denominators, resamples, seed)
    out = []
    for row, interval in enumerate(intervals):
        is_share = shares if isinstance(shares, bool) else row in shares
        if is_share and interval is not None:
            floor = wilson(float(numerators[row].sum()), float(denominators[row].sum()))
            if floor is not None:
                interval = (min(interval[0], floor[0]), max(interval[1], floor[1]))
        out.append(
            Estimate(
                value=ratio(float(numerators[row].sum()), float(denominators[row].sum())),
                low=None if interval is None else interval[0],
                high=None if interval is None else interval[1],
                count=int(denominators[row].sum()),
                items=int((denominators[row] > 0).sum()),
            )
        )
    return out


def shown_number(value: float, digits: int = 1) -> str:
    """A figure as the chosen language writes it (1.5 / 1,5), rounded as Python's own
    formatting rounds it, so the language changes only the writing, never the figure."""
    return number(float(f"{value:.{digits}f}"), digits)


def shown_percent(fraction: float, digits: int = 0) -> str:
    """A share as a percentage in the chosen language (42% / 42 %), rounded as before."""
    return percent(float(f"{fraction * 100:.{digits}f}") / 100, digits)


def format_share(estimate: Estimate) -> str:
    """'42% (30–55%)', '42%' without an interval, '–' when there is nothing to measure;
    in German '42 % (30–55 %)'."""
    if estimate.value is None:
        return DASH
    text = shown_percent(estimate.value)
    if estimate.low is not None and estimate.high is not None:
        low = shown_number(estimate.low * 100, 0)
        text += f" ({low}{DASH}{shown_percent(estimate.high)})"
    return text


def format_number(estimate: Estimate, digits: int = 1) -> str:
    if estimate.value is None:
        return DASH
    text = shown_number(estimate.value, digits)
    if estimate.low is not None and estimate.high is not None:
        low, high = shown_number(estimate.low, digits), shown_number(estimate.high, digits)
        text += f" ({low}{DASH}{high})"
    return text
