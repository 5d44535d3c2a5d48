"""Reading: what the calendar and the mail say.

Detects interviews among calendar events and extracts company, role and interviewers
(`detect`, `extract`); reads the company's replies and the dates they promise (`replies`,
`promises`); runs the config's test cases through them (`cases`). Pure functions over
`bot.model` values: no I/O, no clock.

May import: the shared ground (`bot.model`, `bot.errors`, `bot.clock`), `bot.config` and
the standard library. Never `bot.planning`, `bot.writing`, the shell (`bot.runtime`,
`bot.google`, `bot.sandbox`, `bot.cli`) or any network, storage or scheduler library.
"""
