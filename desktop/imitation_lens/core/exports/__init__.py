"""Exports and imports: every format a session leaves the app in, and bringing an export back in.

- formats/: the registry of export formats, one module per format (add a format there).
- session_json.py: the lossless JSON document every other format is written from.
- shown_answer.py: an answer as the readable exports show it (its marks placed on its text);
  wording.py: the words they share. Which marks count is core/analysis/evaluator_view.py's.
- jsonl.py, csv_tables.py, markdown_doc.py: those formats' writers.
- html_page.py (what the report page holds), html_markup.py (the only HTML made in Python),
  html_report.py (rendering through the template).
- importer.py, import_checks.py: bringing a colleague's JSON export back in.
"""
