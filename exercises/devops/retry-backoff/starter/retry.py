def backoff_delays(max_attempts, base_delay, factor=2.0, max_delay=None):
    """The waits before attempts 2..max_attempts: base_delay * factor**i, capped at max_delay."""
    # TODO
    raise NotImplementedError


def simulate(outcomes, max_attempts, base_delay, factor=2.0, max_delay=None):
    """Play a retry loop against the scripted `outcomes` of successive attempts; report what happened."""
    # TODO
    raise NotImplementedError


class IdempotentLedger:
    """Charges accounts at most once per idempotency key."""

    def __init__(self):
        # TODO: whatever state you need
        pass

    def charge(self, key, account, amount):
        """Charge `amount` to `account` once for `key`; repeating the same request returns the first result."""
        # TODO
        raise NotImplementedError

    def balance(self, account):
        """The total charged to `account` (0 when never charged)."""
        # TODO
        raise NotImplementedError

    def charges(self):
        """Every real charge as [charge_id, key, account, amount], in order."""
        # TODO
        raise NotImplementedError
