"""Running models: the event vocabulary, local llama.cpp runners, one thread per column, the lineup."""
