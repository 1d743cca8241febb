import csv
import io
from collections import defaultdict


def load_expenses(path):
    out = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        for values in reader:
            row = dict(zip(header, values))
            row["amount"] = float(row["amount"])
            out.append(row)
    return out


def summarise_expenses(src, dest):
    groups = defaultdict(list)
    rows = load_expenses(src)
    for r in rows:
        groups[r["category"]].append(r["amount"])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(("category", "count", "total", "average"))
    summary = [(cat, len(v), sum(v)) for cat, v in groups.items()]
    summary.sort(key=lambda s: s[0])
    summary.sort(key=lambda s: round(s[2], 2), reverse=True)
    for cat, n, total in summary:
        w.writerow((cat, n, "%.2f" % total, "%.2f" % (total / n)))
    all_amounts = [r["amount"] for r in rows]
    grand = sum(all_amounts)
    w.writerow(("TOTAL", len(all_amounts), "%.2f" % grand,
                "%.2f" % (grand / len(all_amounts) if all_amounts else 0)))
    text = buf.getvalue()
    with open(dest, "w", newline="", encoding="utf-8") as f:
        f.write(text)
    return text
