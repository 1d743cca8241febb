def test_load_january(submission):
    """load_orders() of orders_jan.csv into a new database"""
    assert submission.load_orders("orders_jan.csv", "example.db") == {"customers": 5, "orders": 7}
    assert submission.query("example.db", "SELECT name FROM customers WHERE customer_id = ?", (23,)) == [
        ("Seán O'Brien",)]
