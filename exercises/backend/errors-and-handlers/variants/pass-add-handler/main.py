from dataclasses import dataclass, field

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, PositiveInt


class AccountCreate(BaseModel):
    owner: str = Field(min_length=1, max_length=100)
    balance: int = Field(default=0, ge=0)


class Account(BaseModel):
    id: int
    owner: str
    balance: int
    frozen: bool = False


class TransferRequest(BaseModel):
    from_id: int
    to_id: int
    amount: PositiveInt


@dataclass
class RuleBroken(Exception):
    status: int
    body: dict = field(default_factory=dict)


class AccountFrozen(RuleBroken):
    def __init__(self, account_id: int) -> None:
        super().__init__(423, {"error": "account_frozen", "detail": f"account {account_id} is frozen",
                               "account_id": account_id})


class InsufficientFunds(RuleBroken):
    def __init__(self, available: int, requested: int) -> None:
        super().__init__(409, {"error": "insufficient_funds",
                               "detail": f"only {available} cents available, {requested} requested",
                               "available": available, "requested": requested})


async def rule_broken(request, exc: RuleBroken) -> JSONResponse:
    return JSONResponse(exc.body, status_code=exc.status)


app = FastAPI(exception_handlers={RuleBroken: rule_broken})
accounts: dict[int, Account] = {}


def account_or_404(account_id: int) -> Account:
    try:
        return accounts[account_id]
    except KeyError:
        raise HTTPException(404, f"there is no account {account_id}") from None


@app.post("/accounts", status_code=201)
def open_account(data: AccountCreate) -> Account:
    account = Account(id=max(accounts, default=0) + 1, **data.model_dump())
    accounts[account.id] = account
    return account


@app.get("/accounts/{account_id}")
def read_account(account_id: int) -> Account:
    return account_or_404(account_id)


@app.post("/accounts/{account_id}/freeze")
def freeze(account_id: int) -> Account:
    account = account_or_404(account_id)
    account.frozen = True
    return account


@app.post("/transfers")
def transfer(data: TransferRequest) -> dict:
    if data.from_id == data.to_id:
        raise HTTPException(400, "from_id and to_id must be different accounts")
    source = account_or_404(data.from_id)
    target = account_or_404(data.to_id)
    frozen = next((a for a in (source, target) if a.frozen), None)
    if frozen:
        raise AccountFrozen(frozen.id)
    if data.amount > source.balance:
        raise InsufficientFunds(source.balance, data.amount)
    accounts[source.id] = source.model_copy(update={"balance": source.balance - data.amount})
    accounts[target.id] = target.model_copy(update={"balance": target.balance + data.amount})
    return {"from_id": source.id, "to_id": target.id, "amount": data.amount,
            "from_balance": accounts[source.id].balance, "to_balance": accounts[target.id].balance}
