from interview_bot.cli.commands import main

raise SystemExit(main())
