"""JSON from outside (外来 JSON): parsed with a limit on nesting, every problem a ValidationError in words.

Python's parser recurses: a file nested some thousand levels deep stops it with RecursionError, and one just
under that limit makes every later walk over the data a risk. `parse_json` refuses both in words.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from qt_app.domain.errors import FieldProblem, ValidationError

MAX_JSON_DEPTH = 32  # a firm file nests 4 levels deep (firm → variants → variant → revenue)


def too_deep(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when lists and objects nest deeper than `limit` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def parse_json(text: str, source: str = "", limit: int = MAX_JSON_DEPTH, exact: bool = True) -> Any:
    """JSON text as data (decimals kept exact unless `exact` is False); ValidationError for bad syntax or
    nesting deeper than `limit`."""
    deep = FieldProblem(
        "", f"JSON 嵌套层数过多：最多 {limit} 层", f"The JSON is nested too deeply: at most {limit} levels"
    )
    try:
        data = json.loads(text, parse_float=Decimal if exact else float)
    except json.JSONDecodeError as e:
        raise ValidationError(
            [
                FieldProblem(
                    f"第{e.lineno}行第{e.colno}列", f"JSON 格式错误：{e.msg}", f"Invalid JSON: {e.msg}"
                )
            ],
            source,
        ) from None
    except RecursionError:  # thousands of levels: deeper than the parser itself goes
        raise ValidationError([deep], source) from None
    except ValueError as e:  # an integer of more than 4,300 digits
        raise ValidationError(
            [FieldProblem("", f"JSON 中的数字过长：{e}", f"A number in the JSON is too long: {e}")], source
        ) from None
    if too_deep(data, limit):
        raise ValidationError([deep], source)
    return data
