import re

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def is_number(value):
    return isinstance(value, (int, float))


def cell(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}"
    if is_number(value):
        return f"{value:,}"
    return str(value)


def render_table(rows, columns):
    """A plain-text table of `rows` (dicts) showing `columns`, aligned as the statement describes."""
    texts = [[cell(row.get(column)) for column in columns] for row in rows]
    numeric = []
    widths = []
    for index, column in enumerate(columns):
        values = [row.get(column) for row in rows if row.get(column) is not None]
        numeric.append(bool(values) and all(is_number(v) for v in values))
        widths.append(max([len(column)] + [len(t[index]) for t in texts]))

    def line(cells):
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)]
        return "  ".join(parts).rstrip()

    lines = [line(columns), "  ".join("-" * w for w in widths)]
    lines += [line(t) for t in texts]
    return "\n".join(lines)


def fill_template(template, values):
    """Replace each {{ name }} in `template` with the text of values[name]."""
    def replace(match):
        name = match.group(1)
        if name not in values:
            raise KeyError(name)
        return cell(values[name])

    return PLACEHOLDER.sub(replace, template)
