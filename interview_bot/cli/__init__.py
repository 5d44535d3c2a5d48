"""Commands: the argument parser and what each `interview-bot` command prints.

`commands` builds the parser from the commands registered in `registry` (by `daily`,
`decide`, `starter`, `setup`, `service`, `demo`, `rules` for test and schema, and `explain`)
and prints every error in one place; `status`, `doctor` and `replay` (plan --since) hold
what those commands have to say. The top of the tree: it may import anything in `bot`, and
nothing in `bot` imports it.
"""
