def _is_num(v):
    return type(v) in (int, float)


def _text(v):
    if v is None:
        return ""
    if type(v) is float:
        return format(v, ",.2f")
    if type(v) is int:
        return format(v, ",")
    return str(v)


def render_table(rows, columns):
    table = []
    for column in columns:
        present = [row[column] for row in rows if row.get(column) is not None]
        numeric = len(present) > 0 and all(_is_num(v) for v in present)
        cells = [_text(row.get(column)) for row in rows]
        width = max(len(c) for c in [column, *cells])
        pad = str.rjust if numeric else str.ljust
        table.append([pad(column, width), "-" * width, *(pad(c, width) for c in cells)])
    lines = [" " * 0 + "  ".join(parts) for parts in zip(*table)] if table else ["", ""]
    return "\n".join(line if i == 1 else line.rstrip() for i, line in enumerate(lines))


def _name_ok(name):
    return bool(name) and (name[0].isascii() and (name[0].isalpha() or name[0] == "_")) and all(
        ch.isascii() and (ch.isalnum() or ch == "_") for ch in name)


def fill_template(template, values):
    out, i = [], 0
    while True:
        start = template.find("{{", i)
        if start < 0:
            out.append(template[i:])
            return "".join(out)
        end = template.find("}}", start + 2)
        name = template[start + 2:end].strip(" ") if end >= 0 else ""
        if end < 0 or not _name_ok(name):
            out.append(template[i:start + 1])
            i = start + 1
            continue
        if name not in values:
            raise KeyError(name)
        out.append(template[i:start])
        out.append(_text(values[name]))
        i = end + 2
