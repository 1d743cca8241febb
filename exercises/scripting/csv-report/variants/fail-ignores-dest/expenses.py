import csv


def load_expenses(path):
    """The rows of the expenses CSV at `path` as dicts, with `amount` as a float."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["amount"] = float(row["amount"])
    return rows


def summarise_expenses(src, dest):
    """Write a per-category summary of the expenses in `src` to the CSV `dest`; return its text."""
    totals, counts = {}, {}
    rows = load_expenses(src)
    for row in rows:
        totals[row["category"]] = totals.get(row["category"], 0.0) + row["amount"]
        counts[row["category"]] = counts.get(row["category"], 0) + 1
    order = sorted(totals, key=lambda c: (-round(totals[c], 2), c))
    grand = sum(totals.values())
    with open("summary.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["category", "count", "total", "average"])
        for category in order:
            writer.writerow([category, counts[category], f"{totals[category]:.2f}",
                             f"{totals[category] / counts[category]:.2f}"])
        average = grand / len(rows) if rows else 0.0
        writer.writerow(["TOTAL", len(rows), f"{grand:.2f}", f"{average:.2f}"])
    with open("summary.csv", newline="", encoding="utf-8") as handle:
        return handle.read()
