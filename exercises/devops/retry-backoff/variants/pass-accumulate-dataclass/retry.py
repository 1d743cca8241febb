from dataclasses import dataclass, field
from itertools import accumulate, repeat
from numbers import Real


def backoff_delays(max_attempts, base_delay, factor=2.0, max_delay=None):
    if max_attempts < 1:
        raise ValueError("need at least one attempt")
    n = max_attempts - 1
    raw = list(accumulate(repeat(factor, n - 1), lambda acc, f: acc * f, initial=base_delay))[:n] if n else []
    return raw if max_delay is None else [min(d, max_delay) for d in raw]


def simulate(outcomes, max_attempts, base_delay, factor=2.0, max_delay=None):
    plan = backoff_delays(max_attempts, base_delay, factor, max_delay)
    script = list(outcomes) + ["retry"] * max(0, max_attempts - len(outcomes))
    waits = []
    attempts = 0
    result = "gave_up"
    for outcome in script[:max_attempts]:
        attempts += 1
        if outcome in ("ok", "fatal"):
            result = "success" if outcome == "ok" else "fatal"
            break
        if attempts < max_attempts:
            waits.append(plan[attempts - 1])
    return {"result": result, "attempts": attempts, "delays": waits, "total_wait": round(sum(waits), 3)}


@dataclass
class IdempotentLedger:
    _seen: dict = field(default_factory=dict)
    _log: list = field(default_factory=list)

    def charge(self, key, account, amount):
        if type(amount) is bool or not isinstance(amount, Real) or not amount > 0:
            raise ValueError("amount must be a positive number")
        if key in self._seen:
            cid, acc, amt = self._seen[key]
            if acc != account or amt != amount:
                raise ValueError("idempotency key reused for a different request")
            return {"charge_id": cid, "account": acc, "amount": amt, "replayed": True}
        cid = len(self._log) + 1
        self._seen[key] = (cid, account, amount)
        self._log.append((cid, key, account, amount))
        return {"charge_id": cid, "account": account, "amount": amount, "replayed": False}

    def balance(self, account):
        return sum(amt for _, _, acc, amt in self._log if acc == account)

    def charges(self):
        return [list(entry) for entry in self._log]
