def backoff_delays(max_attempts, base_delay, factor=2.0, max_delay=None):
    """The waits before attempts 2..max_attempts: base_delay * factor**i, capped at max_delay."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    delays = []
    for i in range(max_attempts - 1):
        delay = base_delay * factor ** i
        if max_delay:
            delay = min(delay, max_delay)
        delays.append(delay)
    return delays


def simulate(outcomes, max_attempts, base_delay, factor=2.0, max_delay=None):
    """Play a retry loop against the scripted `outcomes` of successive attempts; report what happened."""
    delays = backoff_delays(max_attempts, base_delay, factor, max_delay)
    waited = []
    for attempt in range(1, max_attempts + 1):
        outcome = outcomes[attempt - 1] if attempt <= len(outcomes) else "retry"
        if outcome == "ok":
            result = "success"
            break
        if outcome == "fatal":
            result = "fatal"
            break
        if attempt == max_attempts:
            result = "gave_up"
            break
        waited.append(delays[attempt - 1])
    return {"result": result, "attempts": attempt, "delays": waited, "total_wait": round(sum(waited), 3)}


class IdempotentLedger:
    """Charges accounts at most once per idempotency key."""

    def __init__(self):
        self._by_key = {}
        self._charges = []
        self._balances = {}

    def charge(self, key, account, amount):
        """Charge `amount` to `account` once for `key`; repeating the same request returns the first result."""
        if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
            raise ValueError(f"amount must be a number above 0, got {amount!r}")
        if key in self._by_key:
            first = self._by_key[key]
            if (first["account"], first["amount"]) != (account, amount):
                raise ValueError(f"idempotency key {key!r} was already used for a different charge")
            return {**first, "replayed": True}
        record = {"charge_id": len(self._charges) + 1, "account": account, "amount": amount}
        self._by_key[key] = record
        self._charges.append([record["charge_id"], key, account, amount])
        self._balances[account] = self._balances.get(account, 0) + amount
        return {**record, "replayed": False}

    def balance(self, account):
        """The total charged to `account` (0 when never charged)."""
        return self._balances.get(account, 0)

    def charges(self):
        """Every real charge as [charge_id, key, account, amount], in order."""
        return [list(c) for c in self._charges]
