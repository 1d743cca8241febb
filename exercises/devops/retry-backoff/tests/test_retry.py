import pytest


def refused(action, what):
    try:
        action()
    except ValueError:
        return
    raise AssertionError(f"{what} was accepted; it must raise ValueError")


def close(got, expected):
    return isinstance(got, list) and len(got) == len(expected) and all(
        g == pytest.approx(e) for g, e in zip(got, expected))


@pytest.mark.points(2)
def test_backoff_growth(submission):
    """backoff_delays() grows by the factor, one wait fewer than attempts"""
    got = submission.backoff_delays(4, 0.25, 3)
    assert isinstance(got, list), "backoff_delays() must return a list"
    assert len(got) == 3, (
        "backoff_delays() returned the wrong number of waits; there is a wait before every attempt but the "
        "first (attempts - 1 waits)"
    )
    assert close(got, [0.25, 0.75, 2.25]), "the waits must be base_delay * factor**i for i = 0, 1, 2, ..."
    assert close(submission.backoff_delays(2, 7), [7]), (
        "with two attempts there is exactly one wait, base_delay (factor defaults to 2)"
    )
    assert submission.backoff_delays(1, 3) == [], "a single attempt has no wait before it"


@pytest.mark.points(2)
def test_backoff_cap(submission):
    """max_delay caps every wait"""
    assert close(submission.backoff_delays(7, 1, 2, 5), [1, 2, 4, 5, 5, 5]), (
        "with max_delay every wait is min(base_delay * factor**i, max_delay)"
    )
    assert close(submission.backoff_delays(3, 10, 2, 4), [4, 4]), "max_delay also caps the first wait"
    assert close(submission.backoff_delays(3, 1, max_delay=0), [0, 0]), (
        "max_delay=0 caps every wait to 0; only max_delay=None means no cap (test `is not None`, not truthiness)"
    )


def test_backoff_invalid(submission):
    """backoff_delays() refuses fewer than one attempt"""
    for attempts in (0, -2):
        refused(lambda: submission.backoff_delays(attempts, 1), "backoff_delays() with fewer than one attempt")


def run(submission, *args, **kwargs):
    result = submission.simulate(*args, **kwargs)
    assert isinstance(result, dict) and set(result) == {"result", "attempts", "delays", "total_wait"}, (
        "simulate() must return a dict with the keys result, attempts, delays and total_wait"
    )
    return result


@pytest.mark.points(2)
def test_simulate_success(submission):
    """simulate() stops at the first ok and waits only between attempts"""
    got = run(submission, ["ok"], 5, 1)
    assert got["result"] == "success" and got["attempts"] == 1, "a first attempt that is ok ends at once"
    assert got["delays"] == [] and got["total_wait"] == 0, "no wait happens before the first attempt"
    got = run(submission, ["retry", "retry", "retry", "ok", "fatal"], 4, 0.1, 10)
    assert got["result"] == "success" and got["attempts"] == 4, "an ok on the last allowed attempt is a success"
    assert close(got["delays"], [0.1, 1.0, 10.0]) and got["total_wait"] == pytest.approx(11.1), (
        "the waits are the backoff delays before attempts 2..4 (no wait after the successful attempt)"
    )


@pytest.mark.points(2)
def test_simulate_gives_up(submission):
    """simulate() gives up after max_attempts without waiting after the last"""
    got = run(submission, ["retry"] * 10, 3, 2)
    assert got["result"] == "gave_up", "retrying outcomes up to max_attempts end with 'gave_up'"
    assert got["attempts"] == 3, "simulate() must stop after max_attempts attempts"
    assert close(got["delays"], [2, 4]), "there is no wait after the last attempt"
    got = run(submission, ["retry"], 4, 1, max_delay=1.5)
    assert got["result"] == "gave_up" and got["attempts"] == 4, "missing outcomes count as 'retry'"
    assert close(got["delays"], [1, 1.5, 1.5]) and got["total_wait"] == pytest.approx(4.0), (
        "simulate() must use the capped backoff delays"
    )


@pytest.mark.points(2)
def test_simulate_fatal(submission):
    """simulate() never retries a fatal error"""
    got = run(submission, ["fatal", "ok"], 5, 1)
    assert got == {"result": "fatal", "attempts": 1, "delays": [], "total_wait": 0}, (
        "a fatal outcome ends the loop at once, without waiting or retrying"
    )
    got = run(submission, ["retry", "retry", "fatal"], 3, 0.5)
    assert got["result"] == "fatal" and got["attempts"] == 3, "a fatal outcome on the last attempt is 'fatal'"


def test_total_wait_rounded(submission):
    """total_wait is rounded to 3 decimals"""
    got = run(submission, [], 4, 0.1)
    assert got["total_wait"] == 0.7, (
        "total_wait must be the sum of the waits rounded to 3 decimals (float sums are not exact)"
    )


@pytest.mark.points(3)
def test_ledger_idempotent(submission):
    """Replays of a key charge once; new keys charge again"""
    ledger = submission.IdempotentLedger()
    first = ledger.charge("k1", "acct-1", 10.5)
    assert first == {"charge_id": 1, "account": "acct-1", "amount": 10.5, "replayed": False}, (
        "the first charge must return charge_id 1 and replayed False"
    )
    for _ in range(3):
        again = ledger.charge("k1", "acct-1", 10.5)
        assert again == {**first, "replayed": True}, "a replay must return the first result with replayed True"
    assert ledger.balance("acct-1") == pytest.approx(10.5), "replays must not charge the account again"
    second = ledger.charge("k2", "acct-1", 10.5)
    assert second["charge_id"] == 2 and second["replayed"] is False, (
        "a new key is a new charge, even with the same account and amount"
    )
    assert ledger.balance("acct-1") == pytest.approx(21.0), "a new key must charge the account"
    assert ledger.balance("acct-9") == 0, "an account never charged has balance 0"
    assert ledger.charges() == [[1, "k1", "acct-1", 10.5], [2, "k2", "acct-1", 10.5]], (
        "charges() must list only the real charges as [charge_id, key, account, amount]"
    )


@pytest.mark.points(2)
def test_ledger_key_reuse(submission):
    """Reusing a key for a different charge is refused and changes nothing"""
    ledger = submission.IdempotentLedger()
    ledger.charge("order-77", "acct-1", 30)
    for account, amount in (("acct-2", 30), ("acct-1", 31)):
        refused(lambda: ledger.charge("order-77", account, amount),
                "a charge reusing a key with a different account or amount")
    assert ledger.balance("acct-1") == 30 and ledger.balance("acct-2") == 0, (
        "a refused charge must not change any balance"
    )
    assert len(ledger.charges()) == 1, "a refused charge must not be recorded"


@pytest.mark.points(2)
def test_ledger_bad_amounts(submission):
    """Amounts must be numbers above 0"""
    ledger = submission.IdempotentLedger()
    for amount in (0, -5, "10", True, None):
        refused(lambda: ledger.charge(f"bad-{amount!r}", "acct-1", amount),
                "a charge with an amount that is zero, negative or not a number (bools and strings included)")
    assert ledger.charges() == [], "refused charges must not be recorded"
    ledger.charge("good", "acct-1", 1)
    assert ledger.charges() == [[1, "good", "acct-1", 1]], "charge ids count only real charges"


def test_ledgers_independent(submission):
    """Two ledgers don't share keys or balances"""
    a, b = submission.IdempotentLedger(), submission.IdempotentLedger()
    a.charge("k", "acct", 5)
    got = b.charge("k", "acct", 5)
    assert got["replayed"] is False and got["charge_id"] == 1, (
        "each ledger has its own keys and numbering: keep the state on self, not in class or module variables"
    )
    assert b.balance("acct") == 5 and a.balance("acct") == 5, "each ledger has its own balances"
