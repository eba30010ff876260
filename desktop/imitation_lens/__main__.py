from imitation_lens.cli import main

raise SystemExit(main())
