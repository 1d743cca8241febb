import json
import string
import time
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, HTTPException, Request, Response
from pydantic import BaseModel, Field

AUDIT_LOG = Path("audit.log")
ALLOWED = set(string.ascii_letters + string.digits + "-")


class OrderIn(BaseModel):
    item: str = Field(min_length=1, max_length=50)
    quantity: int = Field(ge=1, le=100)


orders: dict[int, dict] = {}
counter = {"next": 1}


def write_audit(event: str, order_id: int, request_id: str) -> None:
    entry = {"event": event, "order_id": order_id, "request_id": request_id}
    with AUDIT_LOG.open("a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


def trusted(value: str | None) -> bool:
    return value is not None and 1 <= len(value) <= 64 and set(value) <= ALLOWED


class RequestContext:
    """A plain ASGI middleware: picks the request id and stamps both headers on the response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.monotonic()
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if trusted(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def stamped(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                headers.append((b"x-process-time", f"{time.monotonic() - started:.6f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, stamped)


app = FastAPI()
app.add_middleware(RequestContext)


class Audit:
    """A dependency that schedules audit entries for after the response."""

    def __init__(self, request: Request, tasks: BackgroundTasks) -> None:
        self.request_id = request.state.request_id
        self.tasks = tasks

    def record(self, event: str, order_id: int) -> None:
        self.tasks.add_task(write_audit, event, order_id, self.request_id)


AuditDep = Annotated[Audit, Depends()]


@app.post("/orders", status_code=202)
def place_order(order: OrderIn, audit: AuditDep) -> dict:
    order_id = counter["next"]
    counter["next"] += 1
    orders[order_id] = {"id": order_id, **order.model_dump()}
    audit.record("order_created", order_id)
    return {"id": order_id, "status": "accepted"}


@app.get("/orders/{order_id}")
def read_order(order_id: int) -> dict:
    if order_id not in orders:
        raise HTTPException(404, "Order not found")
    return orders[order_id]


@app.delete("/orders/{order_id}", status_code=204)
def cancel_order(order_id: int, audit: AuditDep) -> Response:
    if orders.pop(order_id, None) is None:
        raise HTTPException(404, "Order not found")
    audit.record("order_cancelled", order_id)
    return Response(status_code=204)


@app.get("/audit")
def read_audit(order_id: int | None = None) -> list[dict]:
    try:
        lines = AUDIT_LOG.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    entries = (json.loads(line) for line in lines if line)
    return [e for e in entries if order_id in (None, e["order_id"])]
