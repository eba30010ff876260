"""The bundle's entry point: the same command line as `imitation-lens`."""

import multiprocessing

from imitation_lens.cli import main

# The imitator workshop trains in a process of its own (core/training/run.py, multiprocessing's
# "spawn"): in a frozen bundle that process starts this same executable, and freeze_support
# turns it into the training process instead of a second window.
multiprocessing.freeze_support()
raise SystemExit(main())
