from interview_bot.cli.entry import main

raise SystemExit(main())
