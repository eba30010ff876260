"""The bundle's entry point: the same command line as `imitation-lens`."""

from imitation_lens.cli import main

raise SystemExit(main())
