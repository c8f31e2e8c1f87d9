from servicedesk.cli import main

raise SystemExit(main())
