import json
from collections import Counter, defaultdict


def order_total(order):
    return sum(item["qty"] * item["price"] for item in order["items"])


def build_report(orders):
    """Aggregate order records into a nested, JSON-ready summary."""
    paid = [order for order in orders if order["status"] == "paid"]
    regions = defaultdict(lambda: {"orders": 0, "revenue": 0.0, "units": Counter()})
    customers = defaultdict(float)
    for order in paid:
        total = order_total(order)
        region = regions[order["region"]]
        region["orders"] += 1
        region["revenue"] += total
        for item in order["items"]:
            region["units"][item["sku"]] += item["qty"]
        customers[order["customer"]] += total
    by_region = {}
    for name, region in regions.items():
        top = min(region["units"].items(), key=lambda pair: (-pair[1], pair[0]))[0] if region["units"] else None
        by_region[name] = {"orders": region["orders"], "revenue": round(region["revenue"], 2), "top_sku": top}
    ranked = sorted(customers.items(), key=lambda pair: (-round(pair[1], 2), pair[0]))[:3]
    return {
        "orders": len(orders),
        "revenue": round(sum(order_total(order) for order in orders), 2),
        "by_status": dict(Counter(order["status"] for order in orders)),
        "by_region": by_region,
        "top_customers": [{"customer": name, "revenue": round(total, 2)} for name, total in ranked],
    }


def save_report(orders, path):
    """Write build_report(orders) to `path` as indented JSON and return the file's text."""
    text = json.dumps(build_report(orders), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    with open(path, encoding="utf-8") as handle:
        return handle.read()
