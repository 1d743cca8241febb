import csv
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")


def load_expenses(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return [{**row, "amount": float(row["amount"])} for row in csv.DictReader(handle)]


def money(value):
    return str(value.quantize(CENT, rounding=ROUND_HALF_EVEN))


def summarise_expenses(src, dest):
    groups = defaultdict(list)
    with open(src, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups[row["category"]].append(Decimal(row["amount"]))
    summary = [(name, len(values), sum(values, Decimal(0))) for name, values in groups.items()]
    summary.sort(key=lambda item: item[0])
    summary.sort(key=lambda item: item[2].quantize(CENT), reverse=True)
    everything = [value for values in groups.values() for value in values]
    total = sum(everything, Decimal(0))
    with open(dest, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["category", "count", "total", "average"])
        writer.writeheader()
        for name, count, amount in summary:
            writer.writerow({"category": name, "count": count, "total": money(amount),
                             "average": money(amount / count)})
        writer.writerow({"category": "TOTAL", "count": len(everything), "total": money(total),
                         "average": money(total / len(everything)) if everything else "0.00"})
    with open(dest, encoding="utf-8", newline="") as handle:
        return handle.read()
