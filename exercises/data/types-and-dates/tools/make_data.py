"""Writes data/trips.csv: bike-share trips of 1-12 March 2024, dates written day/month/year (deterministic)."""

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
STATIONS = ["Central", "Harbour", "Museum", "Park", "University"]


def main():
    rng = random.Random(2024)
    rows = []
    trip_id = 9001
    for day in range(1, 13):
        date = dt.date(2024, 3, day)
        if date.weekday() == 6:  # the service is closed on Sundays
            continue
        for _ in range(rng.randint(4, 8)):
            start = dt.datetime.combine(date, dt.time(rng.randint(6, 22), rng.randrange(0, 60)))
            minutes = rng.choice([4, 7, 9, 12, 15, 18, 22, 25, 31, 38, 47, 55])
            rows.append([start, start + dt.timedelta(minutes=minutes)])
    # one late trip that ends after midnight
    late = dt.datetime(2024, 3, 8, 23, 48)
    rows.append([late, late + dt.timedelta(minutes=29)])
    rows.sort()
    with open(DATA / "trips.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["trip_id", "start", "end", "station", "member", "bike", "distance"])
        for start, end in rows:
            minutes = (end - start).seconds / 60
            bike = rng.choice(["classic", "classic", "electric"])
            speed = 0.25 if bike == "electric" else 0.18
            distance = round(minutes * speed * rng.uniform(0.7, 1.2), 1)
            writer.writerow([trip_id, start.strftime("%d/%m/%Y %H:%M"), end.strftime("%d/%m/%Y %H:%M"),
                             rng.choice(STATIONS), rng.choice(["yes", "yes", "no"]), bike, f"{distance} km"])
            trip_id += 1


if __name__ == "__main__":
    main()
