"""The real-window tier: see conftest.py."""
