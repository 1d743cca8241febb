import itertools
from dataclasses import dataclass


def _waits(base_delay, factor, max_delay):
    for i in itertools.count():
        wait = base_delay * factor ** i
        yield wait if max_delay is None or wait <= max_delay else max_delay


def backoff_delays(max_attempts, base_delay, factor=2.0, max_delay=None):
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be 1 or more, got {max_attempts}")
    return list(itertools.islice(_waits(base_delay, factor, max_delay), max_attempts - 1))


def simulate(outcomes, max_attempts, base_delay, factor=2.0, max_delay=None):
    planned = backoff_delays(max_attempts, base_delay, factor, max_delay)
    script = itertools.chain(outcomes, itertools.repeat("retry"))
    waited = []
    for attempt, outcome in zip(range(1, max_attempts + 1), script):
        if outcome in ("ok", "fatal"):
            result = "success" if outcome == "ok" else "fatal"
            break
        if attempt < max_attempts:
            waited.append(planned[attempt - 1])
    else:
        result = "gave_up"
    return {"result": result, "attempts": attempt, "delays": waited, "total_wait": round(sum(waited), 3)}


@dataclass(frozen=True)
class _Charge:
    charge_id: int
    key: str
    account: str
    amount: float


class IdempotentLedger:
    def __init__(self):
        self._log = []

    def charge(self, key, account, amount):
        if type(amount) not in (int, float) or not amount > 0:
            raise ValueError("amount must be a positive number")
        earlier = next((c for c in self._log if c.key == key), None)
        if earlier is not None:
            if earlier.account != account or earlier.amount != amount:
                raise ValueError(f"key {key!r} was used for another charge")
            return {"charge_id": earlier.charge_id, "account": account, "amount": earlier.amount, "replayed": True}
        record = _Charge(len(self._log) + 1, key, account, amount)
        self._log.append(record)
        return {"charge_id": record.charge_id, "account": account, "amount": amount, "replayed": False}

    def balance(self, account):
        return sum((c.amount for c in self._log if c.account == account), 0)

    def charges(self):
        return [[c.charge_id, c.key, c.account, c.amount] for c in self._log]
