import json
import re
import time
import uuid
from pathlib import Path

from fastapi import BackgroundTasks, FastAPI, HTTPException, Request, status
from pydantic import BaseModel, Field

app = FastAPI()

AUDIT_LOG = Path("audit.log")  # one JSON object per line
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


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


@app.middleware("http")
async def request_context(request: Request, call_next):
    started = time.perf_counter()
    incoming = request.headers.get("x-request-id", "")
    request_id = incoming or str(uuid.uuid4())
    request.state.request_id = request_id
    response = await call_next(request)
    response.headers["X-Request-ID"] = request_id
    response.headers["X-Process-Time"] = f"{time.perf_counter() - started:.6f}"
    return response


@app.post("/orders", status_code=status.HTTP_202_ACCEPTED)
def place_order(order: OrderIn, request: Request, background_tasks: BackgroundTasks) -> dict:
    global next_id
    order_id, next_id = next_id, next_id + 1
    orders[order_id] = {"id": order_id, **order.model_dump()}
    background_tasks.add_task(write_audit, "order_created", order_id, request.state.request_id)
    return {"id": order_id, "status": "accepted"}


@app.get("/orders/{order_id}")
def read_order(order_id: int) -> dict:
    if order_id not in orders:
        raise HTTPException(status_code=404, detail="Order not found")
    return orders[order_id]


@app.delete("/orders/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def cancel_order(order_id: int, request: Request, background_tasks: BackgroundTasks) -> None:
    if order_id not in orders:
        raise HTTPException(status_code=404, detail="Order not found")
    del orders[order_id]
    background_tasks.add_task(write_audit, "order_cancelled", order_id, request.state.request_id)


@app.get("/audit")
def read_audit(order_id: int | None = None) -> list[dict]:
    if not AUDIT_LOG.exists():
        return []
    with AUDIT_LOG.open(encoding="utf-8") as log:
        entries = [json.loads(line) for line in log if line.strip()]
    return [e for e in entries if order_id is None or e["order_id"] == order_id]
