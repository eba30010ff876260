"""OpenAI-compatible servers: saved connections, API keys, the server runner, the teacher column
and its recorded answers."""
