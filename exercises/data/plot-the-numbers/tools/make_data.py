"""Writes data/shop.csv: sales of a home-goods shop, January to June 2024, online and in store (deterministic)."""

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CATEGORIES = {"Kitchen": 95, "Garden": 40, "Lighting": 35, "Textiles": 70}


def main():
    rng = random.Random(77)
    rows = []
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2024, 6, 30):
        for channel in ("online", "store"):
            if rng.random() < 0.55:
                continue
            category = rng.choice(list(CATEGORIES))
            season = 1 + (day.month - 1) * (0.25 if channel == "online" else 0.05)
            if category == "Garden":
                season *= 0.5 + day.month / 4
            revenue = round(CATEGORIES[category] * season * rng.uniform(1, 4), 2)
            rows.append([day.isoformat(), channel, category, f"{revenue:.2f}"])
        day += dt.timedelta(days=1)
    with open(DATA / "shop.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "channel", "category", "revenue"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
