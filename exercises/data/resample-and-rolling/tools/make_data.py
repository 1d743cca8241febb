"""Writes data/visits.csv: daily visits of a website, 1 Jan - 31 Mar 2024 (deterministic).

Four outage days have no row at all, and the rows of a late import sit at the end of the file.
"""

import csv
import datetime as dt
import math
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
OUTAGES = {dt.date(2024, 1, 17), dt.date(2024, 2, 8), dt.date(2024, 2, 9), dt.date(2024, 3, 14)}


def main():
    rng = random.Random(404)
    rows = []
    day = dt.date(2024, 1, 1)
    while day <= dt.date(2024, 3, 31):
        if day not in OUTAGES:
            weekly = 1.0 if day.weekday() < 5 else 0.6
            trend = 1 + (day - dt.date(2024, 1, 1)).days / 180
            campaign = 1.5 if dt.date(2024, 2, 19) <= day <= dt.date(2024, 2, 25) else 1.0
            visits = round(400 * weekly * trend * campaign * (1 + 0.1 * math.sin(day.toordinal())) * rng.uniform(0.9, 1.1))
            rows.append([day.isoformat(), visits])
        day += dt.timedelta(days=1)
    late = [r for r in rows if "2024-01-20" <= r[0] <= "2024-01-26"]
    rows = [r for r in rows if r not in late] + late
    with open(DATA / "visits.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "visits"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
