from fastapi import FastAPI
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


accounts: dict[int, Account] = {}


@app.post("/accounts", status_code=201)
def open_account(data: AccountCreate) -> Account:
    account = Account(id=len(accounts) + 1, owner=data.owner, balance=data.balance)
    accounts[account.id] = account
    return account


@app.get("/accounts/{account_id}")
def read_account(account_id: int) -> Account:
    # TODO: 404 with a detail that names the id when there is no such account.
    return accounts[account_id]


# TODO: POST /accounts/{account_id}/freeze -> 200 and the account, now frozen (404 if unknown).


@app.post("/transfers")
def transfer(data: TransferRequest) -> dict:
    # TODO: 400 for a transfer to the same account, 404 for an unknown account,
    #       423 {"error": "account_frozen", ...} when an account is frozen,
    #       409 {"error": "insufficient_funds", ...} when the balance is too low.
    source, target = accounts[data.from_id], accounts[data.to_id]
    source.balance -= data.amount
    target.balance += data.amount
    return {"from_id": source.id, "to_id": target.id, "amount": data.amount,
            "from_balance": source.balance, "to_balance": target.balance}
