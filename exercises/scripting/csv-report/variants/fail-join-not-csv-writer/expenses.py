import csv


def load_expenses(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["amount"] = float(r["amount"])
    return rows


def summarise_expenses(src, dest):
    rows = load_expenses(src)
    cats = {}
    for r in rows:
        c = cats.setdefault(r["category"], [0, 0.0])
        c[0] += 1
        c[1] += r["amount"]
    lines = ["category,count,total,average"]
    for name in sorted(cats, key=lambda k: (-cats[k][1], k)):
        n, t = cats[name]
        lines.append(",".join([name, str(n), f"{t:.2f}", f"{t / n:.2f}"]))
    n = len(rows)
    t = sum(r["amount"] for r in rows)
    lines.append(",".join(["TOTAL", str(n), f"{t:.2f}", f"{(t / n if n else 0):.2f}"]))
    text = "\n".join(lines) + "\n"
    with open(dest, "w", encoding="utf-8") as f:
        f.write(text)
    return text
