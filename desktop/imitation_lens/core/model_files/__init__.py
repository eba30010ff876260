"""Model files: the catalog, downloads from the Hugging Face Hub, the library, GGUF header checks."""
