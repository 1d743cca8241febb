def test_revenue_by_category_example(submission):
    """revenue_by_category() on shop.sql: the first and last rows"""
    submission.seed("example.db", "shop.sql")
    rows = submission.revenue_by_category("example.db")
    assert rows[0] == ("Desks", 8162.9)
    assert rows[-1] == ("Rugs", 0.0)


def test_without_orders_example(submission):
    """customers_without_orders() on shop.sql"""
    submission.seed("example.db", "shop.sql")
    assert submission.customers_without_orders("example.db") == ["Ben Ode", "Finn Kay"]
