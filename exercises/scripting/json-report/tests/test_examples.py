import json


def test_report_example(submission, data_dir):
    """build_report() of orders.json: revenue, paid orders and the South region"""
    orders = json.loads((data_dir / "orders.json").read_text(encoding="utf-8"))
    report = submission.build_report(orders)
    assert report["revenue"] == 651.82
    assert report["by_status"]["paid"] == 8
    assert report["by_region"]["South"] == {"orders": 2, "revenue": 282.98, "top_sku": "PEN-BLK"}


def test_save_example(submission, data_dir):
    """save_report() writes JSON that reads back as the report"""
    orders = json.loads((data_dir / "orders.json").read_text(encoding="utf-8"))
    text = submission.save_report(orders, "report.json")
    assert json.loads(text)["orders"] == 12
