"""Planning: which follow-up is due when, and in which thread, and what should happen now.

One planner per kind: thank-you notes per interview (`plan`), status checks (`checks`),
feedback requests and keep-in-touch notes (`rejection`), under one policy for keys, lateness,
reviving and nobody to write to (`policy`); `process` reads a company's whole process and
runs them; `mailthread` picks the thread; `actions` turns it all into the actions the shell
applies and `plan` prints. Pure functions over `interview_bot.model` values; the time is passed in.

May import: the shared ground, `interview_bot.config`, `interview_bot.reading` and the standard library.
Never `interview_bot.writing` or the shell (`interview_bot.runtime`, `interview_bot.google`, `interview_bot.sandbox`, `interview_bot.cli`).
"""
