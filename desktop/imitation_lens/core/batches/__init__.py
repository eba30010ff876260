"""Prompt sets and batches: questions with known answers, the queued answers of a batch, running it."""
