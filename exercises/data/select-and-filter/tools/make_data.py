"""Writes data/listings.csv: 32 flats to rent, rows shuffled (deterministic)."""

import csv
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
DISTRICTS = {
    "Lisbon": ["Alfama", "Belém", "Campo de Ourique", "Arroios"],
    "Porto": ["Ribeira", "Boavista", "Bonfim"],
    "Braga": ["Centro", "São Vicente"],
}


def main():
    rng = random.Random(7)
    rows = []
    for number in range(32):
        city = ["Lisbon", "Porto", "Braga"][number % 3] if number < 30 else "Porto"
        bedrooms = rng.choice([0, 1, 1, 2, 2, 3, 4])
        area = 28 + bedrooms * 22 + rng.randrange(0, 20)
        base = {"Lisbon": 900, "Porto": 700, "Braga": 500}[city]
        rent = round(base + bedrooms * 180 + rng.randrange(-60, 120), -1)
        rows.append({"listing_id": 101 + number, "city": city, "district": rng.choice(DISTRICTS[city]),
                     "bedrooms": bedrooms, "area_m2": area, "rent": rent,
                     "pets": rng.choice(["yes", "no", "no"])})
    # a tie on rent inside one city, and boundary values the checks use
    rows[30].update(rent=rows[3]["rent"], city=rows[3]["city"], district=rows[3]["district"])
    rows[31].update(rent=800, area_m2=90)
    rng.shuffle(rows)
    with open(DATA / "listings.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
