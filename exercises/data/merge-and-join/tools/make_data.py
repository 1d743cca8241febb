"""Writes data/customers.csv, data/products.csv and data/orders.csv (deterministic)."""

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CUSTOMERS = [("K01", "Ana Costa", "PT"), ("K02", "Bruno Sousa", "PT"), ("K03", "Carmen Ruiz", "ES"),
             ("K04", "Diego Martín", "ES"), ("K05", "Élise Moreau", "FR"), ("K06", "Félix Blanc", "FR"),
             ("K07", "Greta Vogel", "DE"), ("K08", "Hans Weber", "DE"), ("K09", "Inês Pinto", "PT"),
             ("K10", "Jules Petit", "FR")]
PRODUCTS = [("P01", "Espresso beans 1 kg", "Coffee", 24.0), ("P02", "Filter beans 1 kg", "Coffee", 21.5),
            ("P03", "Green tea 100 g", "Tea", 8.9), ("P04", "Moka pot", "Equipment", 39.0),
            ("P05", "Milk frother", "Equipment", 59.0), ("P06", "Chai 250 g", "Tea", 11.5)]


def write(name, header, rows):
    with open(DATA / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def main():
    rng = random.Random(5)
    write("customers.csv", ["customer_id", "name", "country"], CUSTOMERS)
    products = list(PRODUCTS)
    products.insert(5, PRODUCTS[3])  # the catalogue export lists the moka pot twice
    write("products.csv", ["sku", "product", "category", "unit_price"], products)
    active = [c[0] for c in CUSTOMERS[:8]]
    orders = []
    for number in range(30):
        customer = rng.choice(active)
        if number in (6, 17, 25):
            customer = rng.choice(["K11", "K12"])  # accounts deleted since, no longer in customers.csv
        sku = rng.choice([p[0] for p in PRODUCTS])
        if number in (3, 12, 22):
            sku = "P04"
        date = dt.date(2024, 9, 2) + dt.timedelta(days=number)
        orders.append([3001 + number, date.isoformat(), customer, sku, rng.choice([1, 1, 2, 3])])
    write("orders.csv", ["order_id", "date", "customer_id", "sku", "quantity"], orders)


if __name__ == "__main__":
    main()
