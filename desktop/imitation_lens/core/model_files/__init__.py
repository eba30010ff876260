"""Model files: the catalog, downloads from the Hugging Face Hub, the library, GGUF header checks,
the built-in models (bundled_model, trainable_base) and the models made here (trained_models)."""
