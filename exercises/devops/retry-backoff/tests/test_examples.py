def test_backoff_example(submission):
    """backoff_delays(5, 0.5)"""
    assert submission.backoff_delays(5, 0.5) == [0.5, 1.0, 2.0, 4.0]


def test_simulate_example(submission):
    """simulate(["retry", "retry", "ok"], 5, 0.5)"""
    assert submission.simulate(["retry", "retry", "ok"], 5, 0.5) == {
        "result": "success", "attempts": 3, "delays": [0.5, 1.0], "total_wait": 1.5}


def test_ledger_example(submission):
    """A repeated charge is replayed, not charged twice"""
    ledger = submission.IdempotentLedger()
    assert ledger.charge("req-1", "acct-7", 25.0)["replayed"] is False
    assert ledger.charge("req-1", "acct-7", 25.0) == {"charge_id": 1, "account": "acct-7", "amount": 25.0,
                                                       "replayed": True}
    assert ledger.balance("acct-7") == 25.0
