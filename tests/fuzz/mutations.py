"""Seeded mutations of the project's own example files (种子变异): what a careless hand, a broken export, a
truncated download or a hostile sender could make of them. Every function takes a `random.Random`, so a
failing case is reproduced from its seed."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

DEEP = "__DEEP__"

# Values that have broken parsers somewhere: huge and odd numbers, long and odd text, wrong types.
JUNK: tuple[Any, ...] = (
    None, True, False, 0, -1, 10**60, -(10**30), 10**400, 1e308, 1.5, float("nan"), "", " ", "9" * 60,
    "1e999999", "-5", "NaN", "Infinity", "0x1F", "１５０万", "1.2亿", "150万元", "3.5.6", "2026-02-30",
    "2026年13月1日", "青" * 5000, "x" * 300, "\x00", "\ud800", "=HYPERLINK(\"http://x\")", "<script>",
    "a｜b｜c", "；；", [], {}, [1, [2, [3]]], {"a": {"b": {"c": {}}}}, ["9" * 60], {"2027": "9" * 60},
    {"9" * 60: 1}, DEEP,
)  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (as a path of keys and indexes)."""
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_paths(v, (*prefix, i)))
    return out


def junk(rng: random.Random, like: Any = None, alike_share: float = 0.0) -> Any:
    """A fresh copy of a junk value (the pool's lists and dicts must never be shared between documents),
    of the same kind as `like` `alike_share` of the time."""
    alike = [j for j in JUNK if type(j) is type(like)] if like is not None else []
    pool = alike if alike and rng.random() < alike_share else JUNK
    return copy.deepcopy(rng.choice(pool))


def places(doc: Any) -> list[tuple[Any, ...]]:
    """Every value's place in a document (not the document itself)."""
    return [p for p in _paths(doc) if p]


def put(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    parent, key = _parent(doc, path)
    parent[key] = copy.deepcopy(value)


def _parent(doc: Any, path: tuple[Any, ...]) -> tuple[Any, Any]:
    node = doc
    for step in path[:-1]:
        node = node[step]
    return node, path[-1]


def mutate_document(doc: Any, rng: random.Random, ops: int) -> Any:
    """Replace, delete, wrap, rename or duplicate a few values anywhere in a parsed JSON document."""
    for _ in range(ops):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            return junk(rng)
        path = rng.choice(paths)
        parent, key = _parent(doc, path)
        op = rng.choice(("replace", "replace", "replace", "delete", "wrap", "rename", "copy"))
        if op == "replace":
            # most of the time junk of the same kind (text for text): it gets past the type checks
            parent[key] = junk(rng, parent[key], 0.75)
        elif op == "delete":
            del parent[key]
        elif op == "wrap":
            parent[key] = [parent[key]] if rng.random() < 0.5 else {"value": parent[key]}
        elif op == "rename" and isinstance(parent, dict):
            parent[rng.choice(("id", "Name", "data", "x", "history", "")) + str(key)[:3]] = parent.pop(key)
        elif op == "copy" and isinstance(parent, list) and parent:
            parent.append(json.loads(json.dumps(parent[key])))
    return doc


def dump(doc: Any, rng: random.Random) -> str:
    """JSON text of a mutated document; the DEEP marker becomes lists nested 40 to 100,000 deep."""
    text = json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=rng.choice((None, 1)))
    while f'"{DEEP}"' in text:
        depth = rng.choice((40, 500, 3_000, 100_000))
        text = text.replace(f'"{DEEP}"', "[" * depth + "]" * depth, 1)
    return text


def mutate_text(text: str, rng: random.Random, ops: int) -> str:
    """Damage at the level of characters: cut, drop, repeat or insert a piece."""
    for _ in range(ops):
        if not text:
            return rng.choice(("{", "[", "", "null"))
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 20))
        op = rng.choice(("truncate", "drop", "repeat", "insert", "swap"))
        if op == "truncate":
            text = text[:i]
        elif op == "drop":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] * rng.randint(2, 50) + text[j:]
        elif op == "insert":
            text = (
                text[:i]
                + rng.choice(('"', "{", "]", ",", ":", "\\", "\n", "\x00", "9" * 60, "青田"))
                + text[i:]
            )
        else:
            text = text[:i] + text[j : j + (j - i)] + text[i:j] + text[j + (j - i) :]
    return text


def mutate_bytes(data: bytes, rng: random.Random, ops: int) -> bytes:
    """Damage at the level of bytes (a bad sector, a bad copy): flip, cut, zero."""
    out = bytearray(data)
    for _ in range(ops):
        if not out:
            break
        i = rng.randrange(len(out))
        op = rng.choice(("flip", "flip", "zero", "truncate", "duplicate"))
        if op == "flip":
            out[i] ^= 1 << rng.randrange(8)
        elif op == "zero":
            out[i : i + rng.randint(1, 64)] = bytes(min(64, len(out) - i))
        elif op == "truncate":
            del out[i:]
        else:
            out[i:i] = out[i : i + rng.randint(1, 256)]
    return bytes(out)


YAML_JUNK = (
    "[a, b]", "{zh: x}", "!!python/object/apply:os.system [echo]", "!!python/name:os.system x", "!custom x",
    "!!binary 5Yy65Z+f", "&a [*a]", "*nowhere", "null", "~", "yes", "-1", "1e999", "9" * 60, "'", '"',
    "2023-02-30", ">-", "|", "[" * 50, "{" * 50, "? x", "--- x", "%YAML 1.1",
)  # fmt: skip


def mutate_yaml(lines: list[str], rng: random.Random, ops: int) -> str:
    """A policy file edited badly: values replaced by lists, mappings, tags, aliases; lines moved or lost."""
    out = list(lines)
    for _ in range(ops):
        if not out:
            break
        i = rng.randrange(len(out))
        op = rng.choice(("value", "value", "delete", "duplicate", "indent", "dedent", "truncate"))
        if op == "value" and ":" in out[i]:
            key, _ = out[i].split(":", 1)
            out[i] = f"{key}: {rng.choice(YAML_JUNK)}"
        elif op == "delete":
            del out[i]
        elif op == "duplicate":
            out.insert(i, out[i])
        elif op == "indent":
            out[i] = "  " + out[i]
        elif op == "dedent":
            out[i] = out[i].lstrip()
        elif op == "truncate":
            out = out[:i]
    return "\n".join(out)


CELL_JUNK = (
    "", "9" * 60, "-5", "1e400", "青" * 300, "长" * 33_000, "=1+1", "+1", "@SUM(A1)", "2026-02-30", "是否",
    "C｜" + "9" * 60 + "｜2026｜补贴", "青田农商银行｜" + "9" * 60 + "｜2026｜3", "A｜x｜y", "；；；", "\x00",
    "人工智能、VR", "qingchuang", "接洽", "１５０万", "1.2亿", "abc", '"', "\n",
)  # fmt: skip


def mutate_rows(rows: list[list[str]], rng: random.Random, ops: int) -> list[list[str]]:
    """A spreadsheet filled in badly: odd cells, columns added or lost, rows repeated, the header changed."""
    out = [list(r) for r in rows]
    for _ in range(ops):
        r = rng.randrange(len(out))
        op = rng.choice(("cell", "cell", "cell", "header", "drop_column", "add_column", "repeat_row"))
        if op == "cell" and out[r]:
            out[r][rng.randrange(len(out[r]))] = rng.choice(CELL_JUNK)
        elif op == "header" and out[0]:
            out[0][rng.randrange(len(out[0]))] = rng.choice(("", "企业名称", "2027年营收", "x", "备注"))
        elif op == "drop_column" and out[0]:
            c = rng.randrange(len(out[0]))
            out = [row[:c] + row[c + 1 :] for row in out]
        elif op == "add_column":
            out = [[*row, rng.choice(CELL_JUNK)] for row in out]
        elif op == "repeat_row":
            out.append(list(out[r]))
    return out
