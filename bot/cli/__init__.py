"""Commands: the argument parser and what each `interview-bot` command prints.

`commands` builds the parser from the commands registered in `registry` (by `daily`,
`decide`, `starter`, `setup`, `service` and `demo`) and prints every error in one place;
`status` and `doctor` hold what those commands have to say. The top of the tree: it may
import anything in `bot`, and nothing in `bot` imports it.
"""
