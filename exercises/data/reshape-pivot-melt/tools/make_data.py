"""Writes data/rainfall_wide.csv and data/sales_long.csv (deterministic)."""

import csv
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
STATIONS = {"Braga": 1.6, "Coimbra": 1.0, "Faro": 0.45, "Lisbon": 0.8, "Porto": 1.4}
NORMAL = [110, 95, 80, 75, 55, 20]


def main():
    rng = random.Random(12)
    with open(DATA / "rainfall_wide.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["station", *MONTHS])
        for station, factor in STATIONS.items():
            values = [round(n * factor * rng.uniform(0.6, 1.4), 1) for n in NORMAL]
            if station == "Coimbra":
                values[3] = ""  # the gauge was broken in April
            writer.writerow([station, *values])
    rows = []
    for month in ["2024-01", "2024-02", "2024-03", "2024-04"]:
        for _ in range(14):
            region = rng.choice(["North", "South", "East", "West"])
            product = rng.choice(["Kettle", "Toaster", "Blender"])
            if region == "East" and product == "Blender":
                product = "Kettle"  # no blender was ever sold in the East
            rows.append([month, region, product, rng.randint(1, 9)])
    with open(DATA / "sales_long.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["month", "region", "product", "units"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
