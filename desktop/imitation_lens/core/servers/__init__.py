"""The servers a column talks to: the kinds of server (kinds/, one module each; today the
OpenAI-compatible one, server_runner.py), saved connections, API keys, the teacher column and its
recorded answers."""
