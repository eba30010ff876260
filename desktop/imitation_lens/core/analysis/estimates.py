"""Figures with 95% intervals: the bootstrap over items, and how a figure is written.

Intervals: 95% percentile bootstrap, resampling items (all of an item's answers and verdicts
move together, so the slots stay paired), 2000 resamples with a fixed seed so a report is
reproducible; none for a figure resting on fewer than 5 items. All resamples are drawn at once
and every figure is a ratio of sums, so the bootstrap is one matrix product.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

RESAMPLES = 2000
SEED = 20230525  # fixed so the same data always gives the same intervals
MIN_ITEMS_FOR_INTERVAL = 5
DASH = "–"


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
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, items, size=(resamples, items))
    # How often each item was drawn in each resample: the sums become one matrix product.
    offsets = np.arange(resamples)[:, None] * items
    counts = np.bincount((draws + offsets).ravel(), minlength=resamples * items)
    weights = counts.reshape(resamples, items).astype(np.float64)
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
) -> list[Estimate]:
    """Every row's figure (a ratio of sums over items) with its bootstrap interval."""
    intervals = bootstrap_intervals(numerators, denominators, resamples, seed)
    out = []
    for row, interval in enumerate(intervals):
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


def format_share(estimate: Estimate) -> str:
    """'42% (30–55%)', '42%' without an interval, '–' when there is nothing to measure."""
    if estimate.value is None:
        return DASH
    text = f"{estimate.value * 100:.0f}%"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low * 100:.0f}{DASH}{estimate.high * 100:.0f}%)"
    return text


def format_number(estimate: Estimate, digits: int = 1) -> str:
    if estimate.value is None:
        return DASH
    text = f"{estimate.value:.{digits}f}"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low:.{digits}f}{DASH}{estimate.high:.{digits}f})"
    return text
