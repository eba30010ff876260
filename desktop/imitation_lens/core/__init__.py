"""The part of Imitation Lens that knows nothing of Qt: storage, runners, teacher client, export.

Everything here can be used from a script or a test without a display; tests/test_architecture.py
keeps it that way.
"""
