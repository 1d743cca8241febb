from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI()


class AccountCreate(BaseModel):
    owner: str = Field(min_length=1, max_length=100)
    balance: int = Field(default=0, ge=0)  # in cents


class Account(BaseModel):
    id: int
    owner: str
    balance: int
    frozen: bool = False


class TransferRequest(BaseModel):
    from_id: int
    to_id: int
    amount: int = Field(gt=0)  # in cents


class BankError(Exception):
    """A broken business rule: knows its status code and its machine-readable error code."""

    status_code = 400
    code = "bank_error"

    def __init__(self, detail: str, **extra: int) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class AccountFrozen(BankError):
    status_code = 423
    code = "account_frozen"


class InsufficientFunds(BankError):
    status_code = 409
    code = "insufficient_funds"


@app.exception_handler(BankError)
async def bank_error_handler(request: Request, exc: BankError) -> JSONResponse:
    return JSONResponse(
        status_code=exc.status_code,
        content={"error": exc.code, "detail": exc.detail, **exc.extra},
    )


accounts: dict[int, Account] = {}


def get_account(account_id: int) -> Account:
    account = accounts.get(account_id)
    if account is None:
        raise HTTPException(status_code=404, detail=f"Account {account_id} not found")
    return account


def move_money(source: Account, target: Account, amount: int) -> None:
    """The business rules; this function knows nothing about HTTP."""
    if source.balance < amount:
        raise InsufficientFunds(
            f"Account {source.id} has {source.balance} cents, {amount} requested",
            available=source.balance,
            requested=amount,
        )
    for account in (source, target):
        if account.frozen:
            raise AccountFrozen(f"Account {account.id} is frozen", account_id=account.id)
    source.balance -= amount
    target.balance += amount


@app.post("/accounts", status_code=201)
def open_account(data: AccountCreate) -> Account:
    account = Account(id=len(accounts) + 1, owner=data.owner, balance=data.balance)
    accounts[account.id] = account
    return account


@app.get("/accounts/{account_id}")
def read_account(account_id: int) -> Account:
    return get_account(account_id)


@app.post("/accounts/{account_id}/freeze")
def freeze_account(account_id: int) -> Account:
    account = get_account(account_id)
    account.frozen = True
    return account


@app.post("/transfers")
def transfer(data: TransferRequest) -> dict:
    if data.from_id == data.to_id:
        raise HTTPException(status_code=400, detail="Cannot transfer money to the same account")
    source, target = get_account(data.from_id), get_account(data.to_id)
    move_money(source, target, data.amount)
    return {"from_id": source.id, "to_id": target.id, "amount": data.amount,
            "from_balance": source.balance, "to_balance": target.balance}
