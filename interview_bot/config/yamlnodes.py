"""YAML with line numbers: parse config text keeping the node tree, so every error can name its line."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interview_bot.errors import ConfigError


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML ships no type stubs
    """SafeLoader that leaves dates as text: the model parses them, so a bad one is reported at its line."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def parse_yaml(text: str, shown: str, edit_hint: str) -> tuple[Node | None, Any, list[tuple[int, str]]]:
    """The node tree (for lines), the data, and duplicate-key problems; syntax errors raise ConfigError."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _check_expansion(root, shown)
        # Before construction: PyYAML silently keeps the last of two equal keys, and merges (<<) add keys later.
        problems = _duplicate_keys(root, shown, ()) if root is not None else []
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        line, noticed, shown_line, runaway = _yaml_where(exc, text)
        raise ConfigError(
            [f"{shown}:{line}: not valid YAML: {_yaml_problem(exc, noticed, runaway)}{shown_line}"],
            hint="Check the indentation (spaces, not tabs) and quote values that contain ': ' or start with * & ! { [ %.",
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError([f"{shown}:1: not valid YAML: {exc}"], hint=edit_hint) from None
    except RecursionError:
        raise ConfigError([(f"{shown}:1: not valid config: nested too deep (lists or mappings inside one "
                            "another thousands of times)")], hint=edit_hint) from None
    finally:
        loader.dispose()
    return root, data, problems


MAX_EXPANDED_NODES = 50_000  # a long config is a few thousand values; aliases may not multiply it past this


def _check_expansion(root: Node, shown: str) -> None:
    """Refuse YAML whose aliases expand past MAX_EXPANDED_NODES values (a "billion laughs"), before anything walks it.

    An alias is the node it names, shared: the tree is a graph whose expanded size is counted
    once per node (memoised), so the count itself costs one step per node written.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        size = 1 + sum(sizes.get(id(child), 0) for child in children)
        sizes[id(node)] = size
        if size > MAX_EXPANDED_NODES:
            line = node.start_mark.line + 1
            raise ConfigError([(f"{shown}:{line}: not valid config: its aliases (*name) expand to more than "
                                f"{MAX_EXPANDED_NODES:,} values (aliases of aliases, a \"billion laughs\"); it was not read")],
                              hint="Write the values out, or use an alias of an alias a few times at most.")


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _yaml_where(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int | None, str, bool]:
    """(the line where the problem starts, the later line where PyYAML noticed it or None, that first line
    shown, whether it is a quoted value that ran on over lines).

    PyYAML notices some mistakes far from where they are: an unclosed quote on line 16 is only
    found at the end of the file. Its context mark says where the quoted value (or the [list],
    or the key) began; that is the line to fix. "While parsing a block mapping" marks only the
    mapping's first line, so there the problem mark, the badly indented line, is the one.
    """
    problem, context = exc.problem_mark, exc.context_mark
    starts_earlier = (
        context is not None and problem is not None and context.line < problem.line
        and not (exc.context or "").startswith("while parsing a block")
    )
    mark = context if starts_earlier else problem or context
    runaway = _runaway_quote(text, problem) if not starts_earlier and problem is not None else None
    if runaway is not None:  # `key: "GB` closed by the next line's first quote: the error shows up there
        mark, starts_earlier = runaway, True
    if mark is None:
        return 1, None, "", False
    lines = text.splitlines()
    shown = ""
    if 0 <= mark.line < len(lines):
        gutter = f"    {mark.line + 1} | "
        shown = f"\n{gutter}{lines[mark.line]}\n{' ' * (len(gutter) - 2)}| {' ' * mark.column}^"
    noticed = problem.line + 1 if starts_earlier and problem is not None else None
    return mark.line + 1, noticed, shown, runaway is not None


def _runaway_quote(text: str, problem: Any) -> Any:
    """The start of a quoted value that ran on over lines into the problem, when that is what came before it.

    A missing closing quote (`country: "GB`) is closed by the next quote in the file, so PyYAML
    complains a line or more later, about what follows; the quote that opened it is the mistake.
    """
    last = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= problem.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (isinstance(last, yaml.ScalarToken) and last.style in ('"', "'")
            and last.end_mark.line > last.start_mark.line):
        return last.start_mark
    return None


def _yaml_problem(exc: yaml.MarkedYAMLError, noticed: int | None, runaway: bool = False) -> str:
    """PyYAML's complaint, reworded where it is cryptic."""
    problem = exc.problem or str(exc)
    context = exc.context or ""
    if runaway:
        return f"this quoted value runs on to line {noticed}: is its closing quote missing? (PyYAML: {problem})"
    if "quoted scalar" in context and "end of stream" in problem:
        return f"this quoted value is never closed (the file ends at line {noticed} still inside it)"
    if context.startswith("while parsing a flow"):
        what = "[list]" if "sequence" in context else "{mapping}"
        return f"this {what} is not closed ({problem.replace(', but got', f' at line {noticed}, but got')})"
    if "<block end>" in problem:
        return f"the indentation does not line up with the lines above ({problem})"
    if "another document" in problem:
        return "only one document is allowed (remove the extra '---')"
    if problem == "mapping values are not allowed here":
        return ("a ': ' where no key can start: check the indentation, the line above (a missing ':'?), "
                "or quote a value that contains ': '")
    if context and problem.startswith("but "):
        problem = f"{context}, {problem}"
    return problem + (f" (noticed at line {noticed})" if noticed else "")


def _duplicate_keys(node: Node, shown: str, path: tuple[str | int, ...]) -> list[tuple[int, str]]:
    """Keys written twice in one mapping, which PyYAML would silently collapse."""
    problems: list[tuple[int, str]] = []
    if isinstance(node, MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(
                    (line, f"{shown}:{line}: {dotted((*path, key.value))}: repeated key (first on line {seen[key.value]}); keep one")
                )
            else:
                seen[key.value] = line
            problems += _duplicate_keys(value, shown, (*path, key.value))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            problems += _duplicate_keys(item, shown, (*path, index))
    return problems


def line_of(node: Node | None) -> int:
    """The 1-based line a node starts on (1 for no node)."""
    return node.start_mark.line + 1 if node is not None else 1


def line_for(root: Node | None, loc: tuple[str | int, ...]) -> int:
    """The line of the YAML node at `loc`: its key's line, or the nearest parent's when it is missing."""
    node = root
    line = line_of(root)
    for part in loc:
        if part == "[key]":  # pydantic's marker for "the dict key itself was wrong": we are at that key
            break
        if isinstance(node, MappingNode):
            # The last equal key is the one PyYAML kept (and after merges, the mapping's own key).
            hit = next((pair for pair in reversed(node.value) if isinstance(pair[0], ScalarNode) and pair[0].value == str(part)), None)
            if hit is None:
                break
            line, node = line_of(hit[0]), hit[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            line = line_of(node)
        else:
            break
    return line


def dotted(loc: tuple[str | int, ...]) -> str:
    """A key path as the user writes it: follow_ups.thank_you.after, calendars[0], companies."a.com"."""
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            # Quote keys that would read as several ("companies.globex.com" -> companies."globex.com").
            key = str(part) if re.fullmatch(r"[A-Za-z0-9_-]+", str(part)) else f'"{part}"'
            out += ("." if out else "") + key
    return out or "(top level)"
