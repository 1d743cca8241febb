"""Writes data/products.json, data/products_outlet.json and data/reviews.jsonl (deterministic)."""

import json
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

PRODUCTS = [
    ("CH-01", "Oak chair", "Seating", 89.5, "Nordwood", "SE", ["wood", "classic"]),
    ("CH-02", "Mesh office chair", "Seating", 149.0, "Ergoline", "DE", ["office", "mesh"]),
    ("DK-01", "Standing desk", "Desks", 429.0, "Ergoline", "DE", ["office", "adjustable"]),
    ("DK-02", "Pine desk", "Desks", 199.0, "Nordwood", "SE", ["wood"]),
    ("LP-01", "Arc lamp", "Lighting", 64.9, "Lumo", None, ["metal"]),
    ("LP-02", "Desk lamp", "Lighting", 34.99, "Lumo", None, ["office", "led"]),
    ("LP-03", "Paper lantern", "Lighting", None, "Kaze", "JP", ["paper"]),
    ("SH-01", "Bookshelf", "Storage", 119.0, "Nordwood", "SE", ["wood", "classic"]),
    ("SH-02", "Cube shelf", "Storage", 79.0, "Blokk", "NO", []),
    ("SO-01", "Two-seat sofa", "Seating", 649.0, "Casa Lino", "PT", ["fabric"]),
    ("RG-01", "Wool rug", "Textiles", 159.0, "Kaze", "JP", ["wool"]),
    ("CU-01", "Linen cushion", "Textiles", 24.5, "Casa Lino", "PT", ["fabric", "linen"]),
]

OUTLET = [
    ("OUT-1", "Oak chair (scratched)", "Seating", 59.0, "Nordwood", "SE", ["wood"]),
    ("OUT-2", "Desk lamp (boxed)", "Lighting", 19.99, "Lumo", None, ["led"]),
    ("OUT-3", "Cube shelf (ex-display)", "Storage", None, "Blokk", "NO", []),
]

COMMENTS = ["Great value", "Sturdy", "Arrived late", "As described", "Looks cheap", "Love it", "Fine",
            "Too small", "Would buy again", "Wobbly"]


def product(sku, name, category, price, supplier, country, tags, outlet=False):
    supplier_record = {"name": supplier}
    if country is not None:
        supplier_record["country"] = country
    record = {"sku": sku, "name": name, "category": category, "price": price, "supplier": supplier_record,
              "tags": tags}
    if outlet:  # same fields, another key order
        record = {"name": name, "sku": sku, "supplier": supplier_record, "price": price, "category": category,
                  "tags": tags}
    return record


def main():
    rng = random.Random(20240611)
    (DATA / "products.json").write_text(json.dumps([product(*p) for p in PRODUCTS], indent=2) + "\n")
    (DATA / "products_outlet.json").write_text(
        json.dumps([product(*p, outlet=True) for p in OUTLET], indent=2) + "\n")
    reviewed = ["CH-01", "CH-02", "DK-01", "DK-02", "LP-01", "LP-02", "SH-01", "SO-01", "RG-01"]
    lines = []
    for review_id in range(1, 31):
        sku = rng.choice(reviewed)
        stars = rng.choice([2, 3, 4, 4, 5, 5, 5]) if review_id not in (7, 19) else None
        lines.append(json.dumps({"review_id": review_id, "sku": sku, "stars": stars,
                                 "text": rng.choice(COMMENTS)}))
    (DATA / "reviews.jsonl").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
