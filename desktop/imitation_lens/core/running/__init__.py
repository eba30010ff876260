"""Running models: the event vocabulary, local llama.cpp runners, one thread per column, the lineup
(and made_lineup: a model made here against its base, the lineup a window starts with)."""
