"""Table columns as wide as their header and cells, so no header word is ever cut."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def fit_columns(table: QTableView, stretch: int = 0) -> None:
    """Size every column to its contents and header; `stretch` takes the room left over.

    On a narrow screen the table scrolls sideways rather than clipping "Checksum (sha256)"."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(max(header.minimumSectionSize(), 80))
