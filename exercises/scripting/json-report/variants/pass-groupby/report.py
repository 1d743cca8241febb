import itertools
import json
import pathlib


def _total(order):
    return sum(i["qty"] * i["price"] for i in order["items"])


def _top_sku(orders):
    units = {}
    for order in orders:
        for i in order["items"]:
            units[i["sku"]] = units.get(i["sku"], 0) + i["qty"]
    if not units:
        return None
    best = max(units.values())
    return sorted(sku for sku, n in units.items() if n == best)[0]


def build_report(orders):
    statuses = {}
    for order in orders:
        statuses[order["status"]] = statuses.get(order["status"], 0) + 1
    paid = [o for o in orders if o["status"] == "paid"]
    regions = {}
    for name, group in itertools.groupby(sorted(paid, key=lambda o: o["region"]), key=lambda o: o["region"]):
        group = list(group)
        regions[name] = {"orders": len(group), "revenue": round(sum(map(_total, group)), 2),
                         "top_sku": _top_sku(group)}
    spent = {}
    for o in paid:
        spent[o["customer"]] = spent.get(o["customer"], 0) + _total(o)
    rows = [{"customer": c, "revenue": round(v, 2)} for c, v in spent.items()]
    rows.sort(key=lambda r: r["customer"])
    rows.sort(key=lambda r: r["revenue"], reverse=True)
    return {"orders": len(orders), "revenue": round(sum(map(_total, paid)), 2), "by_status": statuses,
            "by_region": regions, "top_customers": rows[:3]}


def save_report(orders, path):
    file = pathlib.Path(path)
    file.write_text(json.dumps(build_report(orders), indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return file.read_text(encoding="utf-8")
