"""Reading: what the calendar and the mail say.

Detects interviews among calendar events and extracts company, role and interviewers
(`detect`, `extract`, with the shipped rules in `default_rules`); reads the company's mail
(`read.read_message`: its body decoded by `mailbody`, its trust by `trust`, machine mail by
`machine`, its words by `replies` with the phrase tables in `lang/`, quoted text by
`quoted` with each language's quote forms compiled in `quoteforms`) and the dates it promises (`promises`); ties each message to a process, hiring
systems and agencies included (`senders`, `names`, `hiring_systems`); runs the config's test
cases through all of it (`cases`). Pure functions over `interview_bot.model` values: no I/O, no clock.

May import: the shared ground (`interview_bot.model`, `interview_bot.errors`, `interview_bot.clock`), `interview_bot.config`, the
standard library and lxml (an HTML parser, for HTML-only mail). Never `interview_bot.planning`,
`interview_bot.writing`, the shell (`interview_bot.runtime`, `interview_bot.google`, `interview_bot.sandbox`, `interview_bot.cli`) or any
network, storage or scheduler library.
"""
