"""Writes data/orders.csv: 64 orders of a chain of three shops (deterministic)."""

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
STORES = {"Downtown": 1.0, "Mall": 1.3, "Airport": 0.7}
CATEGORIES = {"Books": 18, "Games": 45, "Music": 14, "Toys": 26}


def main():
    rng = random.Random(99)
    customers = [f"C{n:02d}" for n in range(1, 16)]
    with open(DATA / "orders.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["order_id", "date", "store", "customer_id", "category", "items", "amount"])
        for number in range(64):
            store = rng.choices(list(STORES), weights=list(STORES.values()))[0]
            category = rng.choice(list(CATEGORIES))
            if store == "Airport" and category == "Toys":
                category = "Books"  # the airport shop sells no toys
            items = rng.choice([1, 1, 1, 2, 2, 3, 4])
            amount = round(items * CATEGORIES[category] * rng.uniform(0.6, 1.5), 2)
            customer = "" if rng.random() < 0.12 else rng.choice(customers)
            date = dt.date(2024, 5, 1) + dt.timedelta(days=number // 3)
            writer.writerow([7001 + number, date.isoformat(), store, customer, category, items, f"{amount:.2f}"])


if __name__ == "__main__":
    main()
