import json
from pathlib import Path

from fastapi import FastAPI, HTTPException, status
from pydantic import BaseModel, Field

app = FastAPI()

AUDIT_LOG = Path("audit.log")  # one JSON object per line


class OrderIn(BaseModel):
    item: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)


orders: dict[int, dict] = {}
next_id = 1


def write_audit(event: str, order_id: int, request_id: str) -> None:
    """Append one entry to the audit log."""
    entry = {"event": event, "order_id": order_id, "request_id": request_id}
    with AUDIT_LOG.open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


# TODO: a middleware that gives every response the headers X-Request-ID and X-Process-Time,
#       and keeps the request id in request.state.request_id.


@app.post("/orders", status_code=status.HTTP_202_ACCEPTED)
def place_order(order: OrderIn) -> dict:
    # TODO: audit "order_created" in the background.
    global next_id
    order_id, next_id = next_id, next_id + 1
    orders[order_id] = {"id": order_id, **order.model_dump()}
    return {"id": order_id, "status": "accepted"}


@app.get("/orders/{order_id}")
def read_order(order_id: int) -> dict:
    if order_id not in orders:
        raise HTTPException(status_code=404, detail="Order not found")
    return orders[order_id]


@app.delete("/orders/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def cancel_order(order_id: int) -> None:
    # TODO: audit "order_cancelled" in the background.
    if order_id not in orders:
        raise HTTPException(status_code=404, detail="Order not found")
    del orders[order_id]


# TODO: GET /audit (optionally ?order_id=N) -> the audit entries, oldest first.
