"""A running batch's answers on the window's columns: each event to the column showing that
answer, and the text written so far when an item being answered comes on screen."""

from __future__ import annotations

from imitation_lens.core.running.events import Event, FinishedEvent, TextEvent
from imitation_lens.ui.batch_host import BatchHost


class BatchAnswers:
    def __init__(self, host: BatchHost) -> None:
        self.host = host
        self._texts: dict[str, list[str]] = {}  # answers being written: their text so far

    def clear(self) -> None:
        self._texts = {}

    def apply(self, index: int, event: Event) -> None:
        """An event of the batch's column `index`; shown if that answer is on screen."""
        rid = event.response_id
        if isinstance(event, TextEvent):
            self._texts.setdefault(rid, []).append(event.text)
        elif isinstance(event, FinishedEvent):
            self._texts.pop(rid, None)
        columns = self.host.columns
        if index >= len(columns) or columns[index].response_id != rid:
            return
        columns[index].apply(event)
        item = self.host.items.item
        if (
            isinstance(event, FinishedEvent)
            and item is not None
            and all(c.is_final for c in columns)
        ):
            # The item's answers are all in: it can be judged now (and checked automatically).
            self.host.items.reload(lambda: None)

    def catch_up(self) -> None:
        """An item came on screen: an answer being written shows its text so far, not only
        what comes next."""
        for column in self.host.columns:
            pieces = self._texts.get(column.response_id or "")
            if pieces and not column.is_final:
                column.apply(TextEvent(column.response_id or "", "".join(pieces), 0, None))
