"""Writes data/customers.csv, data/orders.csv and data/spend.csv for the channel analysis (deterministic)."""

import csv
import datetime as dt
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# customers, typical orders per customer, typical amount, share of cancelled/refunded orders
CHANNELS = {
    "ads": (26, 1.6, 70, 0.10),
    "search": (20, 2.2, 75, 0.08),
    "social": (22, 2.3, 60, 0.55),
    "referral": (14, 2.0, 65, 0.08),
}
MONTHLY_SPEND = {"ads": 750, "search": 300, "social": 200, "referral": 190}
COMPLETED = ["completed", "completed", "completed", "Completed", "COMPLETED", "completed "]


def write(name, header, rows):
    with open(DATA / name, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def main():
    rng = random.Random(8)
    customers, orders = [], []
    number = 1
    for channel, (count, per_customer, amount, bad_share) in CHANNELS.items():
        for _ in range(count):
            customer_id = f"U{number:03d}"
            number += 1
            signup = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 150))
            customers.append([customer_id, signup.isoformat(), channel])
            n_orders = max(0, round(rng.gauss(per_customer, 1.2)))
            for _ in range(n_orders):
                day = signup + dt.timedelta(days=rng.randrange(0, 60))
                status = rng.choice(["cancelled", "refunded"]) if rng.random() < bad_share else rng.choice(COMPLETED)
                orders.append([day, customer_id, round(amount * rng.uniform(0.5, 1.6), 2), status])
    rng.shuffle(customers)
    orders.sort()
    write("customers.csv", ["customer_id", "signup_date", "channel"], customers)
    write("orders.csv", ["order_id", "customer_id", "order_date", "amount", "status"],
          [[40001 + i, c, d.isoformat(), f"{a:.2f}", s] for i, (d, c, a, s) in enumerate(orders)])
    spend = []
    for month in range(1, 7):
        for channel, base in MONTHLY_SPEND.items():
            spend.append([f"2024-{month:02d}", channel, f"{base * rng.uniform(0.8, 1.2):.2f}"])
    write("spend.csv", ["month", "channel", "spend"], spend)


if __name__ == "__main__":
    main()
