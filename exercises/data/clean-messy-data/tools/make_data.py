"""Writes data/orders_raw.csv: a messy web-shop export (deterministic)."""

import csv
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CUSTOMERS = ["ana@example.com", "ben@example.com", "chloe@example.com", "dev@example.com",
             "eli@example.com", "fay@example.com", "gus@example.com"]
REGIONS = ["North", "South", "East", "West"]


def messy_region(rng, region):
    return rng.choice([region, region.lower(), region.upper(), f" {region}", f"{region} ", f" {region.lower()} "])


def messy_customer(rng, email):
    return rng.choice([email, email, email.upper(), f" {email}", email.capitalize()])


def messy_price(rng, value):
    text = f"{value:,.2f}"
    return rng.choice([text, f"${text}", f"${text}", f" {text} "])


def main():
    rng = random.Random(31)
    rows = []
    for number in range(34):
        price = rng.choice([4.0, 12.5, 19.99, 34.99, 89.5, 249.0, 1249.0, 1899.0])
        rows.append({
            "order_id": 5001 + number,
            "customer": messy_customer(rng, rng.choice(CUSTOMERS)),
            "region": messy_region(rng, rng.choice(REGIONS)),
            "quantity": str(rng.choice([1, 1, 2, 2, 3, 4, 6])),
            "price": messy_price(rng, price),
        })
    # placeholders and malformed values
    for index, value in ((3, ""), (9, "n/a"), (17, "N/A"), (26, "-")):
        rows[index]["region"] = value
    for index, value in ((5, ""), (12, "three"), (21, ""), (30, "?")):
        rows[index]["quantity"] = value
    for index, value in ((7, "N/A"), (14, ""), (19, "?"), (28, "")):
        rows[index]["price"] = value
    rows[10]["price"] = "$1,249.00"
    rows[23]["price"] = "1,899.00"
    # the export repeats some orders: two exact copies, and one copy with another quantity
    out = list(rows)
    out.insert(8, dict(rows[6]))
    out.insert(20, dict(rows[15]))
    out.insert(33, {**rows[24], "quantity": "9"})
    with open(DATA / "orders_raw.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(out)


if __name__ == "__main__":
    main()
