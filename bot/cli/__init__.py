"""Commands: the argument parser and what each `interview-bot` command prints.

`commands` parses the command line and prints every error in one place; `status`,
`doctor`, `demo`, `rules` (test, schema) and `replay` (plan --since) are the commands
with more to say. The top of the tree: it may import
anything in `bot`, and nothing in `bot` imports it.
"""
